using System.Text.Json;
using K8sLandscape.Json;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Api;
using K8sLandscape.Model.Lifecycle;
using K8sLandscape.Model.Workloads;

namespace K8sLandscape.Discovery;

/// <summary>Builds the <see cref="LifecycleSurface"/> from the landscape's objects.</summary>
internal static class LifecycleDiscovery
{
    // The categories whose components compete for what they provide in this area.
    private static readonly HashSet<string> ProvidingCategories = new(StringComparer.Ordinal)
    {
        ComponentCategories.Operator, ComponentCategories.LifecycleManager, ComponentCategories.Workflow, ComponentCategories.Serverless,
        ComponentCategories.GitOps, ComponentCategories.PolicyEngine, ComponentCategories.Monitoring, ComponentCategories.CertificateManager,
        ComponentCategories.ServiceMesh, ComponentCategories.IngressController, ComponentCategories.GatewayApi,
    };

    public static LifecycleSurface Build(LandscapeContext context)
    {
        // The Helm and manager passes each visit every object, and are the longest parts of the
        // whole landscape on a big cluster: they run beside each other and beside the rest.
        IReadOnlyList<HelmRelease> releases = [];
        IReadOnlyList<HelmOwnershipConflict> conflicts = [];
        Dictionary<string, IReadOnlyList<KubeObject>> managedBy = [], fieldManagers = [];
        List<ManagedFieldsRecord> managedFields = [];
        var olm = new OlmInventory();
        IReadOnlyList<Installation> installations = [];
        var oam = new OamInventory();
        List<OperatorInfo> operators = [];
        Parallel.Invoke(
            () => (releases, conflicts) = HelmReleaseReader.Read(context.Objects),
            () => (managedBy, fieldManagers, managedFields) = ReadManagers(context.Objects),
            () =>
            {
                olm = OlmDiscovery.Build(context.Objects);
                installations = Discovery.InstallationDiscovery.Build(context);
                oam = OamDiscovery.Build(context.Objects);
                operators = BuildOperators(context, olm);
            });
        return new LifecycleSurface
        {
            HelmReleases = releases,
            HelmConflicts = conflicts,
            ManagedBy = managedBy,
            FieldManagers = fieldManagers,
            ManagedFields = managedFields,
            Olm = olm,
            Installations = installations,
            Oam = oam,
            Operators = operators,
            ExtensionPoints = BuildExtensionPoints(context, releases),
        };
    }

    private static (Dictionary<string, IReadOnlyList<KubeObject>>, Dictionary<string, IReadOnlyList<KubeObject>>, List<ManagedFieldsRecord>) ReadManagers(ObjectIndex objects)
    {
        var records = new List<ManagedFieldsRecord>();
        var managedBy = new Dictionary<string, List<KubeObject>>(StringComparer.Ordinal);
        var fieldManagers = new Dictionary<string, List<KubeObject>>(StringComparer.Ordinal);
        static void Add(Dictionary<string, List<KubeObject>> map, string key, KubeObject o)
        {
            if (!map.TryGetValue(key, out var list)) map[key] = list = [];
            if (list.Count == 0 || !ReferenceEquals(list[^1], o)) list.Add(o);
        }

        foreach (var o in objects.All)
        {
            if (o.Labels.TryGetValue("app.kubernetes.io/managed-by", out var m) && m.Length > 0) Add(managedBy, m, o);

            // Most objects carry no managedFields; the raw bytes say so without parsing the body.
            // Read straight from the body: the typed ManagedFields property deserializes all metadata.
            if (o.Json.Span.IndexOf("\"managedFields\""u8) >= 0
                && o.Body.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object
                && meta.TryGetProperty("managedFields", out var mf) && mf.ValueKind == JsonValueKind.Array)
            {
                var entries = new List<ManagedFieldsEntry>();
                foreach (var entry in mf.EnumerateArray())
                {
                    var manager = JsonFields.Str(entry, "manager") ?? string.Empty;
                    if (manager.Length > 0) Add(fieldManagers, manager, o);
                    var fields = JsonFields.Path(entry, "fieldsV1") is { ValueKind: JsonValueKind.Object } set ? Leaves(set, string.Empty).ToArray() : [];
                    entries.Add(new ManagedFieldsEntry(entries.Count, manager, JsonFields.Str(entry, "operation"), JsonFields.Str(entry, "subresource") ?? string.Empty, fields));
                }

                if (entries.Count > 1) records.Add(new ManagedFieldsRecord(o, entries));
            }
        }

        return (Freeze(managedBy), Freeze(fieldManagers), records);
    }

    // The leaf fields a fieldsV1 set owns, as dotted paths of its keys.
    private static IEnumerable<string> Leaves(JsonElement node, string prefix)
    {
        var any = false;
        foreach (var p in node.EnumerateObject())
        {
            // "." marks that the node exists; every manager setting a child owns it, so it is no contest.
            if (p.Name == ".") continue;
            any = true;
            var path = prefix.Length == 0 ? Trim(p.Name) : prefix + "." + Trim(p.Name);
            if (p.Value.ValueKind != JsonValueKind.Object)
            {
                yield return path;
                continue;
            }

            foreach (var leaf in Leaves(p.Value, path)) yield return leaf;
        }

        if (!any && prefix.Length > 0) yield return prefix;
    }

    // "f:spec" -> "spec"; keys of list items ("k:{...}", "v:...", "i:0") are kept as written.
    private static string Trim(string key) => key.StartsWith("f:", StringComparison.Ordinal) ? key[2..] : key;

    private static Dictionary<string, IReadOnlyList<KubeObject>> Freeze(Dictionary<string, List<KubeObject>> map) =>
        map.ToDictionary(p => p.Key, p => (IReadOnlyList<KubeObject>)p.Value, StringComparer.Ordinal);

    private static List<OperatorInfo> BuildOperators(LandscapeContext context, OlmInventory olm)
    {
        var crdsByGroup = new Dictionary<string, List<CrdInfo>>(StringComparer.Ordinal);
        foreach (var o in context.Objects.OfKind("apiextensions.k8s.io", "CustomResourceDefinition"))
        {
            if (CrdInfo.From(o) is not { } crd) continue;
            if (!crdsByGroup.TryGetValue(crd.Group, out var list)) crdsByGroup[crd.Group] = list = [];
            list.Add(crd);
        }

        var workloadsByObject = new Dictionary<KubeObject, Workload>(ReferenceEqualityComparer.Instance);
        foreach (var w in context.Workloads) workloadsByObject.TryAdd(w.Object, w);

        var result = new List<OperatorInfo>();
        foreach (var c in context.Components)
        {
            var d = c.Definition;
            var groups = d.Fingerprints.CrdGroups;
            // A project sharing its group with others (argoproj.io) is known by its CRD names.
            var named = d.Fingerprints.Crds.ToHashSet(StringComparer.Ordinal);
            var crds = groups.SelectMany(g => crdsByGroup.GetValueOrDefault(g) ?? [])
                .Concat(d.Fingerprints.ServedGroups.SelectMany(g => crdsByGroup.GetValueOrDefault(g) ?? []).Where(x => named.Contains(x.Name)))
                .Distinct().OrderBy(x => x.Name, StringComparer.Ordinal).ThenBy(x => x.Object.Location).ToArray();
            if (!string.Equals(d.Category, ComponentCategories.Operator, StringComparison.Ordinal) && crds.Length == 0) continue;

            // Bare pods of an operator are not its controller; the workloads that template them are.
            var workloads = c.Objects.Select(o => workloadsByObject.GetValueOrDefault(o)).OfType<Workload>()
                .Where(w => w.Object.Kind != "Pod").ToArray();
            var csvs = olm.ClusterServiceVersions.Where(csv => csv.OwnedCrds.Any(x => groups.Contains(x.Group, StringComparer.Ordinal))).ToArray();
            var level = csvs.Select(x => x.CapabilityLevel).FirstOrDefault(l => l is not null)
                ?? (d.Capabilities.OperatorCapabilityLevel is >= 1 and <= 5 and var n ? (OperatorCapabilityLevel)n : null);
            result.Add(new OperatorInfo
            {
                ComponentId = d.Id,
                Name = d.Name,
                Category = d.Category,
                Provides = d.Provides,
                CapabilityLevel = level,
                Workloads = workloads,
                Crds = crds,
                WatchScopes = workloads.SelectMany(OperatorWatchScope.Read).ToArray(),
                ClusterServiceVersions = csvs,
            });
        }

        return result;
    }

    private static List<ExtensionPoint> BuildExtensionPoints(LandscapeContext context, IReadOnlyList<HelmRelease> releases)
    {
        var present = context.Components.Where(c => ProvidingCategories.Contains(c.Definition.Category)).ToArray();

        // A bundle and the component it includes (kube-prometheus and prometheus-operator) are one
        // installation, not two competitors: the included one is left out where its bundle appears.
        var byThing = new SortedDictionary<string, List<RecognizedComponent>>(StringComparer.Ordinal);
        foreach (var c in present)
        {
            foreach (var thing in c.Definition.Provides)
            {
                if (!byThing.TryGetValue(thing, out var list)) byThing[thing] = list = [];
                list.Add(c);
            }
        }

        var points = new List<ExtensionPoint>();
        foreach (var (thing, providers) in byThing)
        {
            var bundled = providers.SelectMany(p => p.Definition.Includes).ToHashSet(StringComparer.Ordinal);
            var impls = providers
                .Where(p => !bundled.Contains(p.Id))
                .Select(p => new ExtensionImplementation(p.Id, p.Definition.Name, true, p.Objects))
                .OrderBy(i => i.Id, StringComparer.Ordinal)
                .ToArray();
            points.Add(new ExtensionPoint(LandscapeAreas.Lifecycle, "provides:" + thing, impls, ExpectsSingle: true));
        }

        if (releases.Count > 0)
        {
            var impls = releases
                .Select(r => new ExtensionImplementation(
                    r.Id,
                    r.ToString(),
                    true,
                    r.Revisions.Select(v => v.Record).Concat(r.Objects).OrderBy(o => o.Location).ToArray()))
                .OrderBy(i => i.Id, StringComparer.Ordinal)
                .ToArray();
            points.Add(new ExtensionPoint(LandscapeAreas.Lifecycle, "helm-releases", impls, ExpectsSingle: false));
        }

        return points;
    }
}
