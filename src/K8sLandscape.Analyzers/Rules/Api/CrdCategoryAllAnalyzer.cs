using K8sLandscape.Loading;
using K8sLandscape.Model.Api;

namespace K8sLandscape.Analyzers.Rules.Api;

/// <summary>KL5005: CRDs add themselves to the <c>all</c> category; one finding per API group.</summary>
internal sealed class CrdCategoryAllAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL5005",
        "CRDs add themselves to the 'all' category",
        "API group '{0}' adds {1} to the 'all' category, so `kubectl get all` and `kubectl delete all` include them",
        RuleCategory.Api,
        DiagnosticSeverity.Info,
        """
        `kubectl get all` and `kubectl delete all --all` expand the category `all` through discovery
        into every resource that lists it. Built-in `all` is deliberately small (pods, services,
        workloads). A CRD that adds itself makes `kubectl delete all --all -n team` — a common way to
        empty a namespace of its *workloads* — also delete its custom resources (databases, Kafka
        topics, certificates), and makes `kubectl get all` slow or failing when the extension's API
        server is down. The Kubernetes API conventions ask extensions not to join `all`. It is a
        design choice of the project that ships the CRDs, not a conflict, so it is reported at info,
        once per API group with every CRD of the group that joins `all` (copies of one CRD count
        once), at the first one's category entry and with the others as related locations.
        """,
        """
        Remove `all` from `spec.names.categories` and use a category of your own (`kubectl get
        mycompany`) to list your resources together.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var byGroup = new SortedDictionary<string, List<(CrdInfo Crd, SourceSpan At)>>(StringComparer.Ordinal);
        foreach (var crd in context.Landscape.Api.Crds)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var i = IndexOfAll(crd.Names.Categories);
            if (i < 0) continue;
            if (!byGroup.TryGetValue(crd.Group, out var list)) byGroup[crd.Group] = list = [];
            list.Add((crd, crd.LocationOf($"spec.names.categories[{i}]")));
        }

        foreach (var (group, list) in byGroup)
        {
            var ordered = list.OrderBy(e => e.At).ToArray();
            var resources = ordered.Select(e => e.Crd.Names.Plural).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var what = resources.Length == 1 ? $"'{resources[0]}'" : $"{resources.Length} resources ({Parties.Join(resources)})";
            context.Report(Descriptor, ordered[0].At, ordered.Skip(1).Select(e => e.At).ToArray(), ordered[0].Crd.Object.Ref, group, what);
        }
    }

    private static int IndexOfAll(IReadOnlyList<string> categories)
    {
        for (var i = 0; i < categories.Count; i++)
        {
            if (string.Equals(categories[i], "all", StringComparison.Ordinal)) return i;
        }

        return -1;
    }
}
