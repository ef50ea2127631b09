using K8sLandscape.Loading;
using K8sLandscape.Model.Api;

namespace K8sLandscape.Analyzers.Rules.Api;

/// <summary>KL5002: the same plural or kind is served by several groups, or a CRD reuses a built-in kind.</summary>
internal sealed class ApiNameAmbiguityAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL5002",
        "The same resource name is served by several API groups",
        "{0} served by {1}; `kubectl get {2}` picks one of them by discovery order",
        RuleCategory.Api,
        DiagnosticSeverity.Warning,
        """
        kubectl resolves a bare resource name (`kubectl get gateways`, `kubectl get NetworkPolicy`)
        through discovery and takes the first group in discovery order that serves it:
        kube-apiserver's own groups first, then the others by APIService priority and group name.
        When several groups serve the same plural or kind, all but one become invisible to the bare
        name: `kubectl get gateways` shows Istio Gateways *or* Gateway API Gateways, `kubectl get
        networkpolicies` never shows Calico's `crd.projectcalico.org` NetworkPolicies, and `kubectl
        delete policies --all` deletes whichever group wins. A CRD whose kind equals a built-in kind
        also confuses tools that match on kind alone (Helm hooks, kustomize patches written without a
        group, admission policies written for the built-in). Plural and kind collisions among the same
        resources are reported once.
        """,
        """
        Use fully qualified names (`kubectl get gateways.gateway.networking.k8s.io`) in scripts,
        runbooks and RBAC reviews. If you own one of the CRDs, prefer a plural and kind unique to
        your group.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var api = context.Landscape.Api;

        // Plural and kind collisions between the same resources are one ambiguity (virtualservices
        // and VirtualService), so they are merged by the set of resources involved.
        var bySet = new SortedDictionary<string, (List<string> Names, List<ApiClaimant> Claimants, string Bare)>(StringComparer.Ordinal);
        void Add(ApiNameCollision c, string what, string bare)
        {
            var key = string.Join(",", c.Resources);
            if (!bySet.TryGetValue(key, out var e)) bySet[key] = e = ([], [], bare);
            e.Names.Add($"{what} '{c.Name}'");
            e.Claimants.AddRange(c.Claimants);
        }

        foreach (var c in api.PluralCollisions) Add(c, "plural", c.Name);
        foreach (var c in api.KindCollisions) Add(c, "kind", c.Name);

        foreach (var (_, (names, claimants, bare)) in bySet)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var what = names.Count == 1 ? $"The {names[0]} is" : $"The {ClaimParties.Join(names)} are";
            ClaimParties.ReportClaims(context, Descriptor, claimants, all =>
                [what, ClaimParties.Join(all.Select(ClaimParties.Describe).Distinct(StringComparer.Ordinal).ToArray()), bare]);
        }
    }
}
