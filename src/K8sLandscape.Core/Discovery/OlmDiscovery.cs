using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Lifecycle;

namespace K8sLandscape.Discovery;

/// <summary>Collects the OLM objects (<c>operators.coreos.com</c>) into the <see cref="OlmInventory"/>.</summary>
internal static class OlmDiscovery
{
    private const string Group = "operators.coreos.com";

    public static OlmInventory Build(ObjectIndex objects) => new()
    {
        Subscriptions = Sorted(objects.OfKind(Group, "Subscription").Select(OlmSubscription.From), s => s.Object),
        ClusterServiceVersions = Sorted(objects.OfKind(Group, "ClusterServiceVersion").Select(ClusterServiceVersionInfo.From), c => c.Object),
        OperatorGroups = Sorted(objects.OfKind(Group, "OperatorGroup").Select(OlmOperatorGroup.From), g => g.Object),
        InstallPlans = Sorted(objects.OfKind(Group, "InstallPlan").Select(OlmInstallPlan.From), p => p.Object),
        CatalogSources = Sorted(objects.OfKind(Group, "CatalogSource").Select(OlmCatalogSource.From), c => c.Object),
    };

    public static T[] Sorted<T>(IEnumerable<T> items, Func<T, KubeObject> obj) =>
        items.OrderBy(i => obj(i).Namespace ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(i => obj(i).Name, StringComparer.Ordinal)
            .ThenBy(i => obj(i).Location)
            .ToArray();
}
