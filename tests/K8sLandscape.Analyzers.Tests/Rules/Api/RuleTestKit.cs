using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Analyzers.Tests.ApiRules;

/// <summary>Runs single rules over corpus files, the sample cluster or hand-written YAML.</summary>
internal static class RuleTestKit
{
    public static Landscape Corpus(params string[] relative) =>
        Landscape.Build(new ManifestLoader(new LoaderOptions { MaxParallelism = 1 }).Load(relative.Select(TestSupport.Corpus.Require)));

    public static string CorpusPath(string relative) => TestSupport.Corpus.Require(relative);

    public static Landscape SampleCluster() =>
        Landscape.Build(new ManifestLoader(new LoaderOptions { MaxParallelism = 1 }).Load(TestSupport.Corpus.InRepository("samples/cluster")));

    public static string SamplePath(string file) => TestSupport.Corpus.InRepository(Path.Combine("samples", "cluster", file));

    public static IReadOnlyList<Finding> Run(LandscapeAnalyzer analyzer, Landscape landscape, AnalysisOptions? options = null) =>
        TestLandscapes.Engine(options ?? AnalysisOptions.Default, analyzer).Run(landscape).Findings;

    public static IReadOnlyList<Finding> Run(LandscapeAnalyzer analyzer, string yaml, string path = "t.yaml") =>
        Run(analyzer, TestLandscapes.FromYaml(yaml, path));

    public static SourceSpan At(string path, int line) => new(path, line, 1);
}
