using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Workloads;

namespace K8sLandscape.Analyzers.Rules.Lifecycle;

/// <summary>Shared helpers of the lifecycle and layer rules: naming parties and ordering them.</summary>
internal static class LifecycleParties
{
    /// <summary><c>namespace/name</c>, or the name of a cluster-scoped object.</summary>
    public static string Name(KubeObject o) => o.Namespace is null ? o.Name : o.Namespace + "/" + o.Name;

    /// <summary>Joins names with ", " in the given order.</summary>
    public static string Join(IEnumerable<string> names) => string.Join(", ", names);

    /// <summary>Distinct objects (by reference) in location order.</summary>
    public static KubeObject[] Ordered(IEnumerable<KubeObject> objects) =>
        objects.Distinct(ReferenceEqualityComparer.Instance).Cast<KubeObject>().OrderBy(o => o.Location).ToArray();

    /// <summary>The first document of each API identity, in location order (a duplicated document is one party, not two).</summary>
    public static KubeObject[] DistinctByRef(IEnumerable<KubeObject> objects) =>
        objects.OrderBy(o => o.Location).DistinctBy(o => o.Ref).ToArray();
}
