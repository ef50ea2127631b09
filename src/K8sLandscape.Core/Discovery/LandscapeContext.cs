using K8sLandscape.Model;
using K8sLandscape.Model.Workloads;

namespace K8sLandscape.Discovery;

/// <summary>What every area builder reads: the indexed objects, workloads, catalog and its matches.</summary>
internal sealed record LandscapeContext(
    ObjectIndex Objects,
    IReadOnlyList<Workload> Workloads,
    ComponentCatalog Catalog,
    IReadOnlyList<RecognizedComponent> Components,
    KubernetesVersion TargetVersion,
    LandscapeOptions Options)
{
    private readonly Dictionary<string, RecognizedComponent> _byId =
        Components.ToDictionary(c => c.Id, StringComparer.Ordinal);

    /// <summary>Recognized components of one category, sorted by id.</summary>
    public IEnumerable<RecognizedComponent> InCategory(string category) =>
        Components.Where(c => string.Equals(c.Definition.Category, category, StringComparison.Ordinal));

    /// <summary>The recognized component with this id, or null.</summary>
    public RecognizedComponent? Component(string id) => _byId.GetValueOrDefault(id);
}
