using K8sLandscape.Loading;

namespace K8sLandscape.Model.Devices;

/// <summary>A container asking for an extended resource.</summary>
/// <param name="Workload">The object running the pods.</param>
/// <param name="Container">The container name.</param>
/// <param name="Request">The requested quantity, or null.</param>
/// <param name="Limit">The limit quantity, or null (for extended resources the two must be equal).</param>
/// <param name="Location">Where the container is written.</param>
public sealed record ResourceRequest(KubeObject Workload, string Container, string? Request, string? Limit, SourceSpan Location);
