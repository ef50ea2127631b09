using K8sLandscape.Model;
using K8sLandscape.Model.Workloads;

namespace K8sLandscape.Catalog;

/// <summary>Finds catalog components in a cluster's objects by their fingerprints.</summary>
public static class ComponentRecognizer
{
    /// <summary>Recognizes components; the result is sorted by id, each component's evidence by location.</summary>
    public static IReadOnlyList<RecognizedComponent> Recognize(ObjectIndex objects, IReadOnlyList<Workload> workloads, ComponentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(workloads);
        ArgumentNullException.ThrowIfNull(catalog);
        return [];
    }
}
