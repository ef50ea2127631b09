using K8sLandscape.Loading;

namespace K8sLandscape.Model.Lifecycle;

/// <summary>The OLM objects in the input (<c>operators.coreos.com</c>), each list sorted by namespace, name, location.</summary>
public sealed record OlmInventory
{
    private const string Group = "operators.coreos.com";

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

    internal static OlmInventory Build(Model.ObjectIndex objects) => new()
    {
        Subscriptions = Sorted(objects.OfKind(Group, "Subscription").Select(OlmSubscription.From), s => s.Object),
        ClusterServiceVersions = Sorted(objects.OfKind(Group, "ClusterServiceVersion").Select(ClusterServiceVersionInfo.From), c => c.Object),
        OperatorGroups = Sorted(objects.OfKind(Group, "OperatorGroup").Select(OlmOperatorGroup.From), g => g.Object),
        InstallPlans = Sorted(objects.OfKind(Group, "InstallPlan").Select(OlmInstallPlan.From), p => p.Object),
        CatalogSources = Sorted(objects.OfKind(Group, "CatalogSource").Select(OlmCatalogSource.From), c => c.Object),
    };

    internal static T[] Sorted<T>(IEnumerable<T> items, Func<T, KubeObject> obj) =>
        items.OrderBy(i => obj(i).Namespace ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(i => obj(i).Name, StringComparer.Ordinal)
            .ThenBy(i => obj(i).Location)
            .ToArray();
}
