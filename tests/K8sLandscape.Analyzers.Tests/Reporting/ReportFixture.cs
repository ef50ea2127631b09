using K8sLandscape.Analyzers.Reporting;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Sources;

namespace K8sLandscape.Analyzers.Tests.Reporting;

/// <summary>Reports every DaemonSet that shares its name with another one: at the first by location, the others related.</summary>
internal sealed class SameNameDaemonSetsAnalyzer : LandscapeAnalyzer
{
    public static readonly RuleDescriptor Rule = new("RPT001", "DaemonSets share a name", "DaemonSet name '{0}' is used by {1} DaemonSets: {2}", RuleCategory.Network, DiagnosticSeverity.Error, "For report tests.");

    public override IReadOnlyList<RuleDescriptor> SupportedRules => [Rule];

    public override void Analyze(AnalysisContext context)
    {
        foreach (var group in context.Landscape.Objects.OfKind("apps", "DaemonSet").GroupBy(o => o.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var parties = group.OrderBy(o => o.Location).ToArray();
            context.Report(Rule, parties[0], null, parties[1..], group.Key, parties.Length, string.Join(", ", parties.Select(p => p.Ref.ToString())));
        }
    }
}

/// <summary>Reports every ConfigMap with its <c>data.note</c> as the message (text from the input: escaping tests).</summary>
internal sealed class ConfigMapNoteAnalyzer : LandscapeAnalyzer
{
    public static readonly RuleDescriptor Rule = new("RPT002", "ConfigMap has a note", "{0}", RuleCategory.Lifecycle, DiagnosticSeverity.Warning, "For report tests.");

    public override IReadOnlyList<RuleDescriptor> SupportedRules => [Rule];

    public override void Analyze(AnalysisContext context)
    {
        foreach (var o in context.Landscape.Objects.OfKind(string.Empty, "ConfigMap"))
        {
            if (o.GetString("data.note") is { } note) context.Report(Rule, o, "data.note", null, note);
        }
    }
}

/// <summary>A landscape with a conflict across two files, a suppressed finding, text that needs escaping, and diagnostics without a line.</summary>
internal static class ReportFixture
{
    public const string Network = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: cni
          namespace: kube-system
        spec: {}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: notes
          namespace: shop
        data:
          note: "a | b\nsecond line <script>alert('x')</script> & *bold*"
        """;

    public const string Other = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: cni
          namespace: kube-flannel
        spec: {}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: quiet
          namespace: shop
          annotations:
            k8s-landscape.io/ignore: RPT002
            k8s-landscape.io/ignore-reason: "owned by the platform team"
        data:
          note: "silenced"
        """;

    /// <summary>The line of <c>kind: DaemonSet</c>'s document start in both files, established by reading the text above.</summary>
    public const int DaemonSetLine = 1;

    public static AnalysisReport Create(string baseDirectory, bool withCoverage = true, string network = Network, string other = Other)
    {
        var loader = new ManifestLoader(new LoaderOptions { MaxParallelism = 1 });
        var a = loader.LoadString(network, Path.Combine(baseDirectory, "manifests", "network.yaml"));
        var b = loader.LoadString(other, Path.Combine(baseDirectory, "manifests", "other.yaml"));
        var diagnostics = new List<LoadDiagnostic>
        {
            new(new SourceSpan(Path.Combine(baseDirectory, "manifests", "missing.yaml"), 0, 0), LoadDiagnosticCodes.UnreadableSource, DiagnosticSeverity.Error, "cannot read: no such file"),
            new(new SourceSpan("cluster://test/apis/apps/v1/daemonsets", 0, 0), ClusterDiagnosticCodes.KindDenied, DiagnosticSeverity.Warning, "daemonsets.apps: the credentials may not list it (403); 0 object(s) read"),
        };
        var landscape = Landscape.Build([.. a.Objects, .. b.Objects], null, diagnostics);
        var engine = LandscapeAnalysis.Create()
            .AddAnalyzer(new SameNameDaemonSetsAnalyzer())
            .AddAnalyzer(new ConfigMapNoteAnalyzer())
            .Build();
        var result = engine.Run(landscape);
        return new AnalysisReport(landscape, result, engine.Rules.Where(engine.Options.IsEnabled))
        {
            BaseDirectory = baseDirectory,
            Inputs = ["manifests"],
            Coverage = withCoverage ? Coverage : null,
            DocumentationBaseUri = new Uri("https://example.org/k8s-landscape/blob/main/"),
        };
    }

    public static ClusterCoverage Coverage { get; } = new(
        "test",
        "https://127.0.0.1:6443",
        "v1.31.2",
        [],
        [
            new ClusterKindStatus(new ClusterKind("apps", "daemonsets", "DaemonSet", true), "apps/v1", ClusterKindOutcome.Denied, 0, "403 in kube-system"),
            new ClusterKindStatus(new ClusterKind(string.Empty, "configmaps", "ConfigMap", true), "v1", ClusterKindOutcome.Read, 2, null),
            new ClusterKindStatus(new ClusterKind("operators.coreos.com", "subscriptions", "Subscription", true), null, ClusterKindOutcome.NotServed, 0, null),
        ],
        7,
        1,
        0);

    public static string Render(IReportWriter writer, AnalysisReport report)
    {
        using var s = new StringWriter();
        writer.Write(report, s);
        return s.ToString();
    }
}
