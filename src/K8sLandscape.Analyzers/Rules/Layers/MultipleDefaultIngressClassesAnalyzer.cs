using K8sLandscape.Analyzers.Rules.Lifecycle;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Rules.Layers;

/// <summary>KL8001: more than one IngressClass is marked as the cluster default.</summary>
internal sealed class MultipleDefaultIngressClassesAnalyzer : LandscapeAnalyzer
{

    public static RuleDescriptor Descriptor { get; } = new(
        "KL8001",
        "More than one default IngressClass",
        "{0} IngressClasses are marked as the default ({1}): Ingresses without ingressClassName are rejected",
        RuleCategory.Layers,
        DiagnosticSeverity.Error,
        """
        An IngressClass annotated `ingressclass.kubernetes.io/is-default-class: "true"` is the one the
        `DefaultIngressClass` admission plugin writes into every new Ingress that names no
        `spec.ingressClassName`. When more than one class carries the annotation, the plugin cannot
        choose and the API server rejects every such Ingress (the Kubernetes documentation, "Ingress:
        Default IngressClass": "If you
        have more than one IngressClass marked as the default for your cluster, the admission
        controller prevents creating new Ingress objects that don't have an ingressClassName
        specified"). Charts and manifests that rely on the default stop deploying; Ingresses created
        earlier keep whichever class they got.
        """,
        """
        Keep the annotation on one IngressClass only (set it to `"false"` or remove it on the
        others), or give every Ingress an explicit `spec.ingressClassName`.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var defaults = context.Landscape.Ingress.DefaultIngressClasses;
        if (defaults.Count < 2) return;
        context.Report(Descriptor, defaults[0].Object, "metadata.annotations", defaults.Skip(1).Select(c => c.Object),
            defaults.Count, Parties.Join(defaults.Select(c => $"'{c.Name}' (controller {c.Controller ?? "unset"})")));
    }
}
