using K8sLandscape.Loading;
using K8sLandscape.Model.Admission;

namespace K8sLandscape.Analyzers.Rules.Admission;

/// <summary>KL6001: mutating webhooks of different components mutate the same resource and operation in overlapping namespaces.</summary>
internal sealed class MutatingWebhookOverlapAnalyzer : LandscapeAnalyzer
{
    private const int MaxRequestsShown = 6;
    private static readonly string[] Operations = ["CREATE", "UPDATE", "DELETE", "CONNECT"];

    public static RuleDescriptor Descriptor { get; } = new(
        "KL6001",
        "Mutating webhooks of different components mutate the same requests",
        "Mutating webhooks of {0} mutate {1} in overlapping namespaces: {2}; each sees the others' changes only if it is reinvoked",
        RuleCategory.Admission,
        DiagnosticSeverity.Warning,
        """
        The API server calls matching mutating webhooks one after another (ordered by configuration
        name, an order no component chooses), each receiving the object as the previous one left it.
        Two components that mutate the same requests interfere: two sidecar injectors (Istio and
        Linkerd, or two Istio revisions) on Pod CREATE produce Pods with two proxies fighting over
        iptables redirection and ports, or with one injector's changes undone by the other; two
        defaulting webhooks overwrite each other's defaults. A webhook sees later changes only with
        `reinvocationPolicy: IfNeeded`, and even then only once. Istio's `istioctl analyze` reports
        the Istio-only case as IST0139.

        Webhooks are grouped by component (the catalog's owner of the webhook, else the
        configuration); a component's own webhooks are expected to cooperate, except the same
        webhook name installed by two configurations (a duplicated revision or tag). Namespaces
        overlap when some namespace can satisfy both namespace selectors; object selectors must
        overlap too. CEL `matchConditions` are not evaluated. Webhooks an OLM ClusterServiceVersion
        declares in `spec.webhookdefinitions` count as well: OLM creates their configurations only
        when it installs the operator, so a bundle shows them nowhere else.
        """,
        """
        Make the namespace selectors disjoint (for example `istio-injection=enabled` versus
        `linkerd.io/inject=enabled` with a `NotIn` on the other mesh's label), remove one of the
        components, or — for two revisions of one mesh — keep only one revision's injector matching
        each namespace.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var webhooks = context.Landscape.Admission.MutatingWebhooks.ToArray();
        if (webhooks.Length < 2) return;

        // Index by the concrete (group, resource) each webhook names; wildcard rules are checked
        // against every concrete resource, so no pair of webhooks is compared without a shared key.
        var byResource = new SortedDictionary<string, (string Group, string Resource, List<int> Hooks)>(StringComparer.Ordinal);
        var wildcard = new List<int>();
        for (var i = 0; i < webhooks.Length; i++)
        {
            var wild = false;
            foreach (var (g, r) in webhooks[i].Rules.SelectMany(r => r.GroupResources))
            {
                var main = r.Split('/')[0];
                if (g == "*" || main == "*")
                {
                    wild = true;
                    continue;
                }

                var key = g + "/" + main;
                if (!byResource.TryGetValue(key, out var e)) byResource[key] = e = (g, main, []);
                if (e.Hooks.Count == 0 || e.Hooks[^1] != i) e.Hooks.Add(i);
            }

            if (wild) wildcard.Add(i);
        }

        var parent = Enumerable.Range(0, webhooks.Length).ToArray();
        var requests = new Dictionary<int, SortedSet<string>>();
        foreach (var (_, (group, resource, hooks)) in byResource)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var candidates = hooks.Concat(wildcard).Distinct().Order().ToArray();
            if (candidates.Length < 2) continue;
            foreach (var op in Operations)
            {
                var matching = candidates.Where(i => webhooks[i].Intercepts(group, resource, op)).ToArray();
                for (var x = 0; x < matching.Length; x++)
                {
                    for (var y = x + 1; y < matching.Length; y++)
                    {
                        var (a, b) = (webhooks[matching[x]], webhooks[matching[y]]);
                        if (!Independent(a, b) || !a.Overlaps(b)
                            || !SelectorOverlap.CanOverlap(a.NamespaceSelector, b.NamespaceSelector)
                            || !SelectorOverlap.CanOverlap(a.ObjectSelector, b.ObjectSelector)) continue;
                        var root = Union(parent, matching[x], matching[y]);
                        if (!requests.TryGetValue(root, out var set)) requests[root] = set = new SortedSet<string>(StringComparer.Ordinal);
                        set.Add($"{(group.Length == 0 ? resource : resource + "." + group)} {op}");
                    }
                }
            }
        }

        // Request sets were recorded at the root current at the time; gather them at the final roots.
        var groups = new Dictionary<int, (List<int> Members, SortedSet<string> Requests)>();
        foreach (var (root, set) in requests)
        {
            var r = Find(parent, root);
            if (!groups.TryGetValue(r, out var g)) groups[r] = g = ([], new SortedSet<string>(StringComparer.Ordinal));
            g.Requests.UnionWith(set);
        }

        for (var i = 0; i < webhooks.Length; i++)
        {
            if (groups.TryGetValue(Find(parent, i), out var g)) g.Members.Add(i);
        }

        foreach (var (_, (members, reqs)) in groups)
        {
            var ordered = members.Select(i => webhooks[i]).OrderBy(w => w.Location).ToArray();
            var partyCount = ordered.Select(Party).Distinct(StringComparer.Ordinal).Count();
            var shown = reqs.Take(MaxRequestsShown).ToList();
            if (reqs.Count > MaxRequestsShown) shown.Add($"{reqs.Count - MaxRequestsShown} more");
            context.Report(
                Descriptor,
                ordered[0].Location,
                ordered.Skip(1).Select(w => w.Location).ToArray(),
                ordered[0].Configuration.Ref,
                partyCount < 2 ? "one component installed twice" : partyCount.ToString(System.Globalization.CultureInfo.InvariantCulture) + " components",
                Parties.Join(shown),
                Parties.Join(ordered.Select(Describe).ToArray()));
        }
    }

    private static string Party(AdmissionWebhook w) => w.ComponentId ?? "configuration:" + w.ConfigurationName;

    // Different components, or one webhook name installed twice by separate configurations.
    private static bool Independent(AdmissionWebhook a, AdmissionWebhook b) =>
        !string.Equals(Party(a), Party(b), StringComparison.Ordinal)
        || (!ReferenceEquals(a.Configuration, b.Configuration) && string.Equals(a.Name, b.Name, StringComparison.Ordinal));

    private static string Describe(AdmissionWebhook w) =>
        $"{w.ConfigurationName}/{w.Name} ({(w.ComponentId is { } c ? c + ", " : string.Empty)}{Api.ClaimParties.Where(w.Location)})";

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    private static int Union(int[] parent, int a, int b)
    {
        var (ra, rb) = (Find(parent, a), Find(parent, b));
        if (ra == rb) return ra;
        var (low, high) = ra < rb ? (ra, rb) : (rb, ra);
        parent[high] = low;
        return low;
    }
}
