using K8sLandscape.Loading;

namespace K8sLandscape.Model.Admission;

/// <summary>
/// The admission extension surface: every mutating and validating webhook, the admission policies
/// and their bindings, who they belong to, and helpers to ask what intercepts what.
/// </summary>
public sealed class AdmissionSurface
{
    private const string Group = "admissionregistration.k8s.io";
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    private AdmissionSurface()
    {
    }

    /// <summary>Every webhook, mutating first, then by configuration name, location and index.</summary>
    public IReadOnlyList<AdmissionWebhook> Webhooks { get; private init; } = [];

    /// <summary>The mutating webhooks.</summary>
    public IEnumerable<AdmissionWebhook> MutatingWebhooks => Webhooks.Where(w => w.Kind == AdmissionKind.Mutating);

    /// <summary>The validating webhooks.</summary>
    public IEnumerable<AdmissionWebhook> ValidatingWebhooks => Webhooks.Where(w => w.Kind == AdmissionKind.Validating);

    /// <summary>Validating and mutating admission policies, sorted by kind, then name.</summary>
    public IReadOnlyList<AdmissionPolicy> Policies { get; private init; } = [];

    /// <summary>Policy bindings, sorted by kind, then name.</summary>
    public IReadOnlyList<AdmissionPolicyBinding> Bindings { get; private init; } = [];

    /// <summary>Labels of each Namespace object present (with <c>kubernetes.io/metadata.name</c> added as the API server does).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> NamespaceLabels { get; private init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>The extension points: <c>mutating:&lt;group&gt;/&lt;resource&gt;</c> and <c>validating:&lt;group&gt;/&lt;resource&gt;</c> (core group: <c>core</c>).</summary>
    public IReadOnlyList<ExtensionPoint> ExtensionPoints { get; private init; } = [];

    /// <summary>The extension point name for a kind, group and resource, e.g. <c>mutating:core/pods</c>.</summary>
    public static string PointName(AdmissionKind kind, string group, string resource) =>
        $"{(kind == AdmissionKind.Mutating ? "mutating" : "validating")}:{(group.Length == 0 ? "core" : group)}/{resource}";

    /// <summary>The webhooks that intercept an operation on a resource of a group, in <see cref="Webhooks"/> order.</summary>
    public IEnumerable<AdmissionWebhook> Intercepting(string group, string resource, string operation, AdmissionKind? kind = null) =>
        Webhooks.Where(w => (kind is null || w.Kind == kind) && w.Intercepts(group, resource, operation));

    /// <summary>The bindings of a policy.</summary>
    public IEnumerable<AdmissionPolicyBinding> BindingsOf(AdmissionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Bindings.Where(b => b.Kind == policy.Kind && string.Equals(b.PolicyName, policy.Name, StringComparison.Ordinal));
    }

    /// <summary>
    /// Whether a webhook's namespace selector selects a namespace: decided from the Namespace
    /// object's labels when present; otherwise only <c>kubernetes.io/metadata.name</c> is known
    /// and a requirement on any other label is <see cref="SelectorMatch.Unknown"/>.
    /// </summary>
    public SelectorMatch NamespaceSelectorMatches(AdmissionWebhook webhook, string namespaceName)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return Evaluate(webhook.NamespaceSelector, namespaceName);
    }

    /// <summary>Like <see cref="NamespaceSelectorMatches(AdmissionWebhook, string)"/> for any selector.</summary>
    public SelectorMatch Evaluate(LabelSelector selector, string namespaceName)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(namespaceName);
        if (NamespaceLabels.TryGetValue(namespaceName, out var labels)) return selector.Evaluate(labels, labelsComplete: true);
        return selector.Evaluate(new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = namespaceName }, labelsComplete: false);
    }

    /// <summary>True when the webhook may see objects of the namespace (its selector does not rule it out).</summary>
    public bool MaySeeNamespace(AdmissionWebhook webhook, string namespaceName) =>
        NamespaceSelectorMatches(webhook, namespaceName) != SelectorMatch.NoMatch;

    internal static AdmissionSurface Build(LandscapeContext context)
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
                webhooks.AddRange(AdmissionWebhook.ReadAll(c, kind).Select(w => w with { ComponentId = owners.OwnerOfWebhook(c, w.Name) }));
            }
        }

        foreach (var csv in objects.OfKind("operators.coreos.com", "ClusterServiceVersion"))
        {
            webhooks.AddRange(AdmissionWebhook.ReadFromCsv(csv).Select(w => w with { ComponentId = owners.OwnerOfWebhook(csv, w.Name) }));
        }

        webhooks.Sort((a, b) =>
        {
            var c = a.Kind.CompareTo(b.Kind);
            if (c == 0) c = string.CompareOrdinal(a.ConfigurationName, b.ConfigurationName);
            if (c == 0) c = a.Configuration.Location.CompareTo(b.Configuration.Location);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        });

        var policies = vap.Select(o => AdmissionPolicy.From(o, AdmissionKind.Validating, owners.OwnerOfObject(o, o.Name)))
            .Concat(map.Select(o => AdmissionPolicy.From(o, AdmissionKind.Mutating, owners.OwnerOfObject(o, o.Name))))
            .OrderBy(p => p.Kind).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Object.Location)
            .ToArray();
        var bindings = objects.OfKind(Group, "ValidatingAdmissionPolicyBinding").Select(o => AdmissionPolicyBinding.From(o, AdmissionKind.Validating))
            .Concat(objects.OfKind(Group, "MutatingAdmissionPolicyBinding").Select(o => AdmissionPolicyBinding.From(o, AdmissionKind.Mutating)))
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
                Add(PointName(w.Kind, g, r), id, name, recognized, w.Configuration);
            }
        }

        foreach (var p in policies)
        {
            var (id, name, recognized) = p.ComponentId is { } cid
                ? (cid, context.Catalog.Find(cid)?.Name ?? cid, true)
                : ($"policy:{p.Name}", $"{p.Name} ({p.Object.Kind})", false);
            foreach (var (g, r) in (p.MatchConstraints?.ResourceRules ?? []).SelectMany(r => r.GroupResources).Distinct())
            {
                Add(PointName(p.Kind, g, r), id, name, recognized, p.Object);
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
