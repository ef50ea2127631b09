using K8sLandscape.Loading;
using K8sLandscape.Model.Api;

namespace K8sLandscape.Analyzers.Rules.Api;

/// <summary>KL5001: a CRD short name is also claimed by another CRD or a built-in resource.</summary>
internal sealed class CrdShortNameCollisionAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL5001",
        "CRD short name collides with another resource's short name",
        "Short name '{0}' is claimed by {1}; {2}",
        RuleCategory.Api,
        DiagnosticSeverity.Warning,
        """
        kubectl expands a short name (`vs`, `po`, `cert`) through API discovery: client-go's
        `shortcutExpander` walks the resources in discovery order and takes the first one that lists
        the short name; newer kubectl versions only add a warning ("short name ... could also match
        lower priority resource"). Discovery orders groups by their `GroupPriorityMinimum`, highest
        first. kube-apiserver's own groups have fixed priorities from 18000 (the core group) down
        to 15800 (`apiVersionPriorities` in kube-apiserver's aggregator setup), and every CRD group is
        registered with 1000 (`crdregistration_controller.go`: "CRDs should have relatively low
        priority"). Ties are broken by group name in aggregated discovery (`calculateAPIGroupsLocked`
        in `apiserver/pkg/endpoints/discovery/aggregated/handler.go`, on by default since Kubernetes
        1.27) and by APIService name, `version.group`, in the older `/apis` document
        (kube-aggregator's `ByGroupPriorityMinimum`); the finding names both when they differ.

        So a CRD claiming a built-in short name (`po`, `svc`, `ip`) can never win it: that is reported
        at **info**, with the full name that reaches the CRD. Two CRD groups claiming one short name
        are a **warning** that names the group kubectl picks and why: `kubectl get hr` in a cluster
        with Flux v1 and Flux v2 lists `helmreleases.helm.fluxcd.io` (the group name sorts first), and
        `kubectl delete hr --all` deletes those. Scripts, runbooks and muscle memory that use the short
        name act on the resource the group names happen to pick.
        """,
        """
        Remove or rename the colliding entry in `spec.names.shortNames` of the CRD you control, and
        use fully qualified names (`kubectl get virtualservices.networking.istio.io`) in scripts.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var api = context.Landscape.Api;
        foreach (var collision in api.ShortNameCollisions)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var (text, severity) = ClaimParties.Resolution(DiscoveryOrder.Resolve(collision.Claimants, api), collision.Name);
            ClaimParties.ReportClaims(context, Descriptor, collision.Claimants, all =>
                [collision.Name, Parties.Join(all.Select(ClaimParties.Describe).Distinct(StringComparer.Ordinal).ToArray()), text], severity);
        }
    }
}
