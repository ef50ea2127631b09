using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Rules.Api;

/// <summary>KL5001: a CRD short name is also claimed by another CRD or a built-in resource.</summary>
internal sealed class CrdShortNameCollisionAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL5001",
        "CRD short name collides with another resource's short name",
        "Short name '{0}' is claimed by {1}; `kubectl get {0}` resolves to only one of them",
        RuleCategory.Api,
        DiagnosticSeverity.Warning,
        """
        kubectl expands a short name (`vs`, `po`, `cert`) through API discovery: it walks the
        resources in discovery order (kube-apiserver's own groups first, then the other groups by
        their APIService `groupPriorityMinimum` and name) and takes the first resource that lists the
        short name (client-go's `shortcutExpander`). When two resources claim the same short name the
        others become unreachable by it, silently: `kubectl get vs` in a cluster with Istio and the
        CSI snapshot CRDs lists VirtualServices or VolumeSnapshots depending on group order, and
        `kubectl delete vs --all` deletes whichever it picked. Newer kubectl versions only print a
        warning ("short name ... could also match lower priority resource"). A CRD claiming a
        built-in short name (`po`, `svc`, `deploy`) can never win it. Scripts, runbooks and muscle
        memory that use the short name act on the wrong resource.
        """,
        """
        Remove or rename the colliding entry in `spec.names.shortNames` of the CRD you control, and
        use fully qualified names (`kubectl get virtualservices.networking.istio.io`) in scripts.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        foreach (var collision in context.Landscape.Api.ShortNameCollisions)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            ClaimParties.ReportClaims(context, Descriptor, collision.Claimants, all =>
                [collision.Name, ClaimParties.Join(all.Select(ClaimParties.Describe).Distinct(StringComparer.Ordinal).ToArray())]);
        }
    }
}
