using K8sLandscape.Loading;

namespace K8sLandscape.Model.Devices;

/// <summary>A Node advertising an extended resource.</summary>
/// <param name="NodeName">The Node's name.</param>
/// <param name="Capacity"><c>status.capacity</c> quantity, or null.</param>
/// <param name="Allocatable"><c>status.allocatable</c> quantity, or null.</param>
/// <param name="Node">The Node object.</param>
/// <param name="Location">Where the allocatable (else capacity) entry is written.</param>
public sealed record NodeResource(string NodeName, string? Capacity, string? Allocatable, KubeObject Node, SourceSpan Location);
