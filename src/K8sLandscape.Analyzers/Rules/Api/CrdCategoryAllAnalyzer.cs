using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Rules.Api;

/// <summary>KL5005: a CRD adds itself to the <c>all</c> category.</summary>
internal sealed class CrdCategoryAllAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL5005",
        "CRD adds itself to the 'all' category",
        "CustomResourceDefinition '{0}' lists category 'all', so `kubectl get all` and `kubectl delete all` include {1}",
        RuleCategory.Api,
        DiagnosticSeverity.Warning,
        """
        `kubectl get all` and `kubectl delete all --all` expand the category `all` through discovery
        into every resource that lists it. Built-in `all` is deliberately small (pods, services,
        workloads). A CRD that adds itself makes `kubectl delete all --all -n team` — a common way to
        empty a namespace of its *workloads* — also delete its custom resources (databases, Kafka
        topics, certificates), and makes `kubectl get all` slow or failing when the extension's API
        server is down. The Kubernetes API conventions ask extensions not to join `all`, and every
        CRD that does adds to the surprise for everyone else in the cluster.
        """,
        """
        Remove `all` from `spec.names.categories` and use a category of your own (`kubectl get
        mycompany`) to list your resources together.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        foreach (var crd in context.Landscape.Api.Crds)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var categories = crd.Names.Categories;
            for (var i = 0; i < categories.Count; i++)
            {
                if (!string.Equals(categories[i], "all", StringComparison.Ordinal)) continue;
                context.Report(Descriptor, crd.Object, $"spec.names.categories[{i}]", null, crd.Name, crd.Resource);
                break;
            }
        }
    }
}
