using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Rules.Network;

/// <summary>KL2002: NetworkPolicies exist but no installed CNI plugin enforces them.</summary>
internal sealed class UnenforcedNetworkPolicyAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL2002",
        "NetworkPolicy objects exist but no installed CNI plugin enforces NetworkPolicy",
        "{0} NetworkPolicy object(s) ({1}) restrict nothing: the installed CNI plugin(s) {2} do not enforce NetworkPolicy",
        RuleCategory.Network,
        DiagnosticSeverity.Error,
        """
        Kubernetes stores NetworkPolicy objects but does not enforce them: enforcement is the job of the
        network plugin ("Network policies are implemented by the network plugin. To use network policies,
        you must be using a networking solution which supports NetworkPolicy. Creating a NetworkPolicy
        resource without a controller that implements it will have no effect." — Kubernetes documentation).
        The API server accepts the policies and `kubectl get networkpolicy` lists them, so a default-deny
        policy looks in place while every pod can still reach every other pod.

        The rule fires only when it knows: the input contains NetworkPolicies, at least one primary CNI
        plugin is recognized and every recognized plugin is known not to enforce policy (Flannel, kindnet,
        the AWS VPC CNI without its policy agent, the reference plugins). When any recognized plugin
        enforces policy (Calico, Cilium, also chained behind Flannel, Antrea, Canal, Weave, kube-router) or
        its support is unknown, it stays quiet.
        """,
        """
        Install a policy engine that works with the current plugin (Canal or Calico policy-only mode with
        Flannel, Cilium in chaining mode, kube-router as a policy controller, or the cloud provider's
        network policy agent), or move to a CNI that enforces NetworkPolicy.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var network = context.Landscape.Network;
        if (network.NetworkPolicies.Count == 0) return;
        var plugins = network.Plugins;
        var primaries = network.PrimaryPlugins;
        if (primaries.Count == 0) return;
        // Chained and meta plugins of unknown policy support (portmap, Multus) enforce nothing; an
        // unknown primary might, so only a primary's null keeps the rule quiet.
        if (plugins.Any(p => p.EnforcesNetworkPolicy == true) || primaries.Any(p => p.EnforcesNetworkPolicy is null)) return;

        var policies = network.NetworkPolicies.OrderBy(o => o.Location).ThenBy(o => o.Ref).ToArray();
        var first = policies[0];
        var pluginObjects = primaries.SelectMany(p => p.Objects).Where(o => o.Kind != "CustomResourceDefinition").Select(o => o.Location);
        context.Report(Descriptor, first.Location, Parties.Others(first.Location, policies.Select(p => p.Location).Concat(pluginObjects)), first.Ref,
            Parties.Count(policies.Length),
            Parties.Names(policies.Select(Parties.Display)),
            Parties.Names(primaries.Select(p => p.Name)));
    }
}
