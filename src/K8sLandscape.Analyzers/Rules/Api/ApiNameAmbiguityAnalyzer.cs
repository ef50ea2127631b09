using K8sLandscape.Loading;
using K8sLandscape.Model.Api;

namespace K8sLandscape.Analyzers.Rules.Api;

/// <summary>KL5002: the same plural or kind is served by several groups, or a CRD reuses a built-in kind.</summary>
internal sealed class ApiNameAmbiguityAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL5002",
        "The same resource name is served by several API groups",
        "{0} served by {1}; {2}",
        RuleCategory.Api,
        DiagnosticSeverity.Warning,
        """
        kubectl resolves a bare resource name (`kubectl get gateways`, `kubectl get NetworkPolicy`)
        through discovery: its RESTMapper (`restmapper.NewDiscoveryRESTMapper`) ranks groups in the
        order discovery lists them and takes the first group that serves the plural, singular or kind.
        Discovery orders groups by `GroupPriorityMinimum`, highest first: kube-apiserver's own groups
        have fixed priorities from 18000 (the core group) down to 15800, and every CRD group gets 1000
        (`crdregistration_controller.go`: "CRDs should have relatively low priority"). Equal
        priorities are ordered by group name in aggregated discovery (`calculateAPIGroupsLocked` in
        `apiserver/pkg/endpoints/discovery/aggregated/handler.go`, on by default since Kubernetes
        1.27) and by APIService name, `version.group`, in the older `/apis` document (kube-aggregator's
        `ByGroupPriorityMinimum`); the finding names both when they differ.

        A CRD whose plural or kind equals a built-in one (Calico's `networkpolicies.crd.projectcalico.org`)
        never wins the bare name: `kubectl get networkpolicies` always lists the built-in ones. That is
        reported at **info**, with the fully qualified name that reaches the CRD; tools that match on
        kind alone (Helm hooks, kustomize patches without a group, admission policies written for the
        built-in) may still confuse the two. Two CRD groups serving the same plural or kind are a
        **warning** naming the group kubectl picks and why: with Istio and the Gateway API installed,
        `kubectl get gateways` lists Gateway API Gateways (`gateway.networking.k8s.io` sorts before
        `networking.istio.io`), and `kubectl delete gateways --all` deletes those. Plural and kind
        collisions among the same resources are reported once.
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
            var what = names.Count == 1 ? $"The {names[0]} is" : $"The {Parties.Join(names)} are";
            var (text, severity) = ClaimParties.Resolution(DiscoveryOrder.Resolve(claimants, api), bare);
            ClaimParties.ReportClaims(context, Descriptor, claimants, all =>
                [what, Parties.Join(all.Select(ClaimParties.Describe).Distinct(StringComparer.Ordinal).ToArray()), text], severity);
        }
    }
}
