using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Admission;

namespace K8sLandscape.Discovery;

/// <summary>Builds the <see cref="AdmissionSurface"/> from the landscape's objects.</summary>
internal static class AdmissionDiscovery
{
    private const string Group = "admissionregistration.k8s.io";

    public static AdmissionSurface Build(LandscapeContext context)
    {
        var objects = context.Objects;
        var mwc = objects.OfKind(Group, "MutatingWebhookConfiguration");
        var vwc = objects.OfKind(Group, "ValidatingWebhookConfiguration");
        var vap = objects.OfKind(Group, "ValidatingAdmissionPolicy");
        var map = objects.OfKind(Group, "MutatingAdmissionPolicy");
        var owners = new AdmissionOwnerResolver(context, mwc.Concat(vwc).Concat(vap).Concat(map));

        var webhooks = new List<AdmissionWebhook>();
        foreach (var (configs, kind) in new[] { (mwc, AdmissionKind.Mutating), (vwc, AdmissionKind.Validating) })
        {
            foreach (var c in configs)
            {
                webhooks.AddRange(AdmissionReader.Webhooks(c, kind).Select(w => w with { ComponentId = owners.OwnerOfWebhook(c, w.Name) }));
            }
        }

        foreach (var csv in objects.OfKind("operators.coreos.com", "ClusterServiceVersion"))
        {
            webhooks.AddRange(AdmissionReader.CsvWebhooks(csv).Select(w => w with { ComponentId = owners.OwnerOfWebhook(csv, w.Name) }));
        }

        webhooks.Sort((a, b) =>
        {
            var c = a.Kind.CompareTo(b.Kind);
            if (c == 0) c = string.CompareOrdinal(a.ConfigurationName, b.ConfigurationName);
            if (c == 0) c = a.Configuration.Location.CompareTo(b.Configuration.Location);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        });

        var policies = vap.Select(o => AdmissionReader.Policy(o, AdmissionKind.Validating, owners.OwnerOfObject(o, o.Name)))
            .Concat(map.Select(o => AdmissionReader.Policy(o, AdmissionKind.Mutating, owners.OwnerOfObject(o, o.Name))))
            .OrderBy(p => p.Kind).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Object.Location)
            .ToArray();
        var bindings = objects.OfKind(Group, "ValidatingAdmissionPolicyBinding").Select(o => AdmissionReader.Binding(o, AdmissionKind.Validating))
            .Concat(objects.OfKind(Group, "MutatingAdmissionPolicyBinding").Select(o => AdmissionReader.Binding(o, AdmissionKind.Mutating)))
            .OrderBy(b => b.Kind).ThenBy(b => b.Name, StringComparer.Ordinal).ThenBy(b => b.Object.Location)
            .ToArray();

        var namespaces = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var ns in objects.OfKind(string.Empty, "Namespace"))
        {
            var labels = new Dictionary<string, string>(ns.Labels, StringComparer.Ordinal) { ["kubernetes.io/metadata.name"] = ns.Name };
            namespaces[ns.Name] = labels;
        }

        return new AdmissionSurface
        {
            Webhooks = webhooks,
            Policies = policies,
            Bindings = bindings,
            NamespaceLabels = namespaces,
            ExtensionPoints = BuildExtensionPoints(context, webhooks, policies),
        };
    }

    private static List<ExtensionPoint> BuildExtensionPoints(LandscapeContext context, List<AdmissionWebhook> webhooks, IReadOnlyList<AdmissionPolicy> policies)
    {
        var points = new SortedDictionary<string, SortedDictionary<string, (string Name, bool Recognized, HashSet<KubeObject> Objects)>>(StringComparer.Ordinal);
        void Add(string point, string id, string name, bool recognized, KubeObject o)
        {
            if (!points.TryGetValue(point, out var impls)) points[point] = impls = new(StringComparer.Ordinal);
            if (!impls.TryGetValue(id, out var e)) impls[id] = e = (name, recognized, new HashSet<KubeObject>(ReferenceEqualityComparer.Instance));
            e.Objects.Add(o);
        }

        foreach (var w in webhooks)
        {
            var (id, name, recognized) = w.ComponentId is { } cid
                ? (cid, context.Catalog.Find(cid)?.Name ?? cid, true)
                : ($"webhook:{w.ConfigurationName}/{w.Name}", $"{w.Name} ({w.ConfigurationName})", false);
            foreach (var (g, r) in w.Rules.SelectMany(r => r.GroupResources).Distinct())
            {
                Add(AdmissionSurface.PointName(w.Kind, g, r), id, name, recognized, w.Configuration);
            }
        }

        foreach (var p in policies)
        {
            var (id, name, recognized) = p.ComponentId is { } cid
                ? (cid, context.Catalog.Find(cid)?.Name ?? cid, true)
                : ($"policy:{p.Name}", $"{p.Name} ({p.Object.Kind})", false);
            foreach (var (g, r) in (p.MatchConstraints?.ResourceRules ?? []).SelectMany(r => r.GroupResources).Distinct())
            {
                Add(AdmissionSurface.PointName(p.Kind, g, r), id, name, recognized, p.Object);
            }
        }

        return points.Select(p => new ExtensionPoint(
                LandscapeAreas.Admission,
                p.Key,
                p.Value.Select(i => new ExtensionImplementation(i.Key, i.Value.Name, i.Value.Recognized, i.Value.Objects.OrderBy(o => o.Location).ToArray())).ToArray(),
                ExpectsSingle: false))
            .ToList();
    }
}
