using K8sLandscape.Model.Api;
using K8sLandscape.Model.Workloads;

namespace K8sLandscape.Model.Lifecycle;

/// <summary>
/// An operator found in the input: a recognized catalog component that runs a controller for
/// custom resources (or is catalogued as an operator), with its controller workloads, the CRDs it
/// serves, its watch scope and, when installed by OLM, its ClusterServiceVersions.
/// </summary>
public sealed record OperatorInfo
{
    /// <summary>The catalog component id.</summary>
    public required string ComponentId { get; init; }

    /// <summary>The display name.</summary>
    public required string Name { get; init; }

    /// <summary>The catalog category.</summary>
    public required string Category { get; init; }

    /// <summary>What it provides (<c>kafka</c>, <c>postgresql</c>, ...).</summary>
    public IReadOnlyList<string> Provides { get; init; } = [];

    /// <summary>The capability level: from its CSV when installed by OLM, else from the catalog; null when unknown.</summary>
    public OperatorCapabilityLevel? CapabilityLevel { get; init; }

    /// <summary>Its controller workloads in the input, in location order.</summary>
    public IReadOnlyList<Workload> Workloads { get; init; } = [];

    /// <summary>The CRDs of its groups in the input, sorted by name.</summary>
    public IReadOnlyList<CrdInfo> Crds { get; init; } = [];

    /// <summary>What its workloads say about the namespaces they watch.</summary>
    public IReadOnlyList<OperatorWatchScope> WatchScopes { get; init; } = [];

    /// <summary>CSVs that own CRDs of its groups (OLM installs).</summary>
    public IReadOnlyList<ClusterServiceVersionInfo> ClusterServiceVersions { get; init; } = [];
}
