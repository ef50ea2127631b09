
namespace K8sLandscape.Model;

/// <summary>Settings for building a <see cref="Landscape"/>.</summary>
public sealed record LandscapeOptions
{
    /// <summary>The default options: built-in catalog, newest known Kubernetes version.</summary>
    public static LandscapeOptions Default { get; } = new();

    /// <summary>The component catalog; null means the built-in catalog.</summary>
    public ComponentCatalog? Catalog { get; init; }

    /// <summary>The Kubernetes version to judge API versions against; null means <see cref="KubernetesVersion.Latest"/>.</summary>
    public KubernetesVersion? KubernetesVersion { get; init; }

    /// <summary>Layer overrides for kinds, keyed by <c>Kind.group</c> (core kinds: just <c>Kind</c>).</summary>
    public IReadOnlyDictionary<string, ResourceLayer> LayerOverrides { get; init; } = new Dictionary<string, ResourceLayer>();
}
