using K8sLandscape.Loading;

namespace K8sLandscape.Model.Lifecycle;

/// <summary>The OLM objects in the input (<c>operators.coreos.com</c>), each list sorted by namespace, name, location.</summary>
public sealed record OlmInventory
{
    /// <summary>Subscriptions.</summary>
    public IReadOnlyList<OlmSubscription> Subscriptions { get; init; } = [];

    /// <summary>ClusterServiceVersions.</summary>
    public IReadOnlyList<ClusterServiceVersionInfo> ClusterServiceVersions { get; init; } = [];

    /// <summary>OperatorGroups.</summary>
    public IReadOnlyList<OlmOperatorGroup> OperatorGroups { get; init; } = [];

    /// <summary>InstallPlans.</summary>
    public IReadOnlyList<OlmInstallPlan> InstallPlans { get; init; } = [];

    /// <summary>CatalogSources.</summary>
    public IReadOnlyList<OlmCatalogSource> CatalogSources { get; init; } = [];

    /// <summary>True when no OLM object is present.</summary>
    public bool IsEmpty => Subscriptions.Count + ClusterServiceVersions.Count + OperatorGroups.Count + InstallPlans.Count + CatalogSources.Count == 0;

    /// <summary>The CSVs that own a CRD (by CRD name); more than one is a conflict.</summary>
    public IEnumerable<ClusterServiceVersionInfo> OwnersOfCrd(string crdName) =>
        ClusterServiceVersions.Where(c => c.OwnedCrds.Any(d => string.Equals(d.Name, crdName, StringComparison.Ordinal)));

    /// <summary>The OperatorGroups of a namespace (OLM requires exactly one).</summary>
    public IEnumerable<OlmOperatorGroup> OperatorGroupsIn(string namespaceName) =>
        OperatorGroups.Where(g => string.Equals(g.Object.Namespace, namespaceName, StringComparison.Ordinal));
}
