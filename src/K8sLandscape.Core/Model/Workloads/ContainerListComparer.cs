namespace K8sLandscape.Model.Workloads;

/// <summary>
/// Compares container lists for sharing across replicas (<see cref="Loading.LoadWorker"/>). Maps are
/// compared by reference: the loader shares equal ones, so equal maps of replicas are one instance,
/// and two that are not only cost a list that is not shared.
/// </summary>
internal sealed class ContainerListComparer : IEqualityComparer<ContainerInfo[]>
{
    public static readonly ContainerListComparer Instance = new();

    public bool Equals(ContainerInfo[]? x, ContainerInfo[]? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x is null || y is null || x.Length != y.Length) return false;
        for (var i = 0; i < x.Length; i++)
        {
            if (!Same(x[i], y[i])) return false;
        }

        return true;
    }

    public int GetHashCode(ContainerInfo[] list)
    {
        var hash = new HashCode();
        foreach (var c in list)
        {
            hash.Add(c.Name, StringComparer.Ordinal);
            hash.Add(c.Image, StringComparer.Ordinal);
            hash.Add(c.Path, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    private static bool Same(ContainerInfo a, ContainerInfo b) =>
        a.IsInit == b.IsInit
        && string.Equals(a.Name, b.Name, StringComparison.Ordinal)
        && string.Equals(a.Image, b.Image, StringComparison.Ordinal)
        && string.Equals(a.Path, b.Path, StringComparison.Ordinal)
        && ReferenceEquals(a.Requests, b.Requests)
        && ReferenceEquals(a.Limits, b.Limits)
        && ReferenceEquals(a.Env, b.Env)
        && a.Command.SequenceEqual(b.Command, StringComparer.Ordinal)
        && a.Args.SequenceEqual(b.Args, StringComparer.Ordinal);
}
