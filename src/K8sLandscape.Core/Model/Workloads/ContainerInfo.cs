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
    /// <summary>The container's <c>command</c> (string items), empty when absent.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>The container's <c>args</c> (string items), empty when absent.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];
}
