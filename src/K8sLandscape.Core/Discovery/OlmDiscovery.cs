using K8sLandscape.Json;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Admission;
using K8sLandscape.Model.Lifecycle;

namespace K8sLandscape.Discovery;

/// <summary>Collects the OLM objects (<c>operators.coreos.com</c>) into the <see cref="OlmInventory"/>.</summary>
internal static class OlmDiscovery
{
    private const string Group = "operators.coreos.com";

    public static OlmInventory Build(ObjectIndex objects) => new()
    {
        Subscriptions = Sorted(objects.OfKind(Group, "Subscription").Select(ReadSubscription), s => s.Object),
        ClusterServiceVersions = Sorted(objects.OfKind(Group, "ClusterServiceVersion").Select(ClusterServiceVersionInfo.From), c => c.Object),
        OperatorGroups = Sorted(objects.OfKind(Group, "OperatorGroup").Select(ReadOperatorGroup), g => g.Object),
        InstallPlans = Sorted(objects.OfKind(Group, "InstallPlan").Select(ReadInstallPlan), p => p.Object),
        CatalogSources = Sorted(objects.OfKind(Group, "CatalogSource").Select(ReadCatalogSource), c => c.Object),
    };

    public static T[] Sorted<T>(IEnumerable<T> items, Func<T, KubeObject> obj) =>
        items.OrderBy(i => obj(i).Namespace ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(i => obj(i).Name, StringComparer.Ordinal)
            .ThenBy(i => obj(i).Location)
            .ToArray();

    /// <summary>Reads one OlmSubscription from its object.</summary>
    public static OlmSubscription ReadSubscription(KubeObject o)
    {
        var spec = JsonFields.Obj(o.Body, "spec") ?? default;
        var status = JsonFields.Obj(o.Body, "status") ?? default;
        return new OlmSubscription(
            o,
            JsonFields.Str(spec, "name") ?? string.Empty,
            JsonFields.Str(spec, "channel"),
            JsonFields.Str(spec, "source"),
            JsonFields.Str(spec, "sourceNamespace"),
            JsonFields.Str(spec, "startingCSV"),
            JsonFields.Str(spec, "installPlanApproval") ?? "Automatic",
            JsonFields.Str(status, "currentCSV"),
            JsonFields.Str(status, "installedCSV"),
            JsonFields.Str(status, "state"));
    }

    /// <summary>Reads one OlmOperatorGroup from its object.</summary>
    public static OlmOperatorGroup ReadOperatorGroup(KubeObject o)
    {
        var spec = JsonFields.Obj(o.Body, "spec") ?? default;
        return new OlmOperatorGroup(
            o,
            JsonFields.Strings(spec, "targetNamespaces"),
            AdmissionReader.Selector(spec, "selector"),
            JsonFields.Path(spec, "upgradeStrategy", "name") is { ValueKind: System.Text.Json.JsonValueKind.String } u ? u.GetString() : null);
    }

    /// <summary>Reads one OlmInstallPlan from its object.</summary>
    public static OlmInstallPlan ReadInstallPlan(KubeObject o)
    {
        var spec = JsonFields.Obj(o.Body, "spec") ?? default;
        var status = JsonFields.Obj(o.Body, "status") ?? default;
        return new OlmInstallPlan(o, JsonFields.Strings(spec, "clusterServiceVersionNames"), JsonFields.Str(spec, "approval"), JsonFields.Bool(spec, "approved") ?? false, JsonFields.Str(status, "phase"));
    }

    /// <summary>Reads one OlmCatalogSource from its object.</summary>
    public static OlmCatalogSource ReadCatalogSource(KubeObject o)
    {
        var spec = JsonFields.Obj(o.Body, "spec") ?? default;
        return new OlmCatalogSource(o, JsonFields.Str(spec, "sourceType"), JsonFields.Str(spec, "image"), JsonFields.Str(spec, "address"), JsonFields.Str(spec, "displayName"), JsonFields.Str(spec, "publisher"));
    }
}
