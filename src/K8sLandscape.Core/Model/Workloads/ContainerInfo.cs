namespace K8sLandscape.Model.Workloads;

/// <summary>One container of a pod template.</summary>
/// <param name="Name">The container name.</param>
/// <param name="Image">The image reference as written.</param>
/// <param name="IsInit">True for init containers.</param>
/// <param name="Requests">Resource requests (name to quantity as written).</param>
/// <param name="Limits">Resource limits (name to quantity as written).</param>
/// <param name="Path">The field path of the container, e.g. <c>spec.template.spec.containers[0]</c>.</param>
public sealed record ContainerInfo(
    string Name,
    string Image,
    bool IsInit,
    IReadOnlyDictionary<string, string> Requests,
    IReadOnlyDictionary<string, string> Limits,
    string Path)
{
    /// <summary>Environment variables with a literal <c>value</c> (name to value; the first of a repeated name), empty when none.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = K8sLandscape.Json.JsonFields.EmptyMap;

    /// <summary>The container's <c>command</c> (string items), empty when absent.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>The container's <c>args</c> (string items), empty when absent.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>
    /// The values of a command-line flag (<c>--flag=value</c> or <c>--flag value</c>) in the
    /// container's <c>command</c> and <c>args</c>, each with its field path, in order.
    /// </summary>
    public IEnumerable<(string Value, string Path)> FlagValues(string flag) =>
        Mentions(flag) ? FindFlagValues(flag) : [];

    // Every workload's containers are asked for a few flags: answer the usual "no" without
    // allocating an iterator.
    internal bool Mentions(string flag) => Mentions(Command, flag) || Mentions(Args, flag);

    private static bool Mentions(IReadOnlyList<string> list, string flag)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].StartsWith(flag, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    private IEnumerable<(string Value, string Path)> FindFlagValues(string flag)
    {
        foreach (var (field, list) in new[] { ("command", Command), ("args", Args) })
        {
            for (var i = 0; i < list.Count; i++)
            {
                var item = list[i];
                if (item.Length > flag.Length && item[flag.Length] == '=' && item.StartsWith(flag, StringComparison.Ordinal)) yield return (item[(flag.Length + 1)..], $"{Path}.{field}[{i}]");
                else if (string.Equals(item, flag, StringComparison.Ordinal) && i + 1 < list.Count) yield return (list[i + 1], $"{Path}.{field}[{i + 1}]");
            }
        }
    }
}
