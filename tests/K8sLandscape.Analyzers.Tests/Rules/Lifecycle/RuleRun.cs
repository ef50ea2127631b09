using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Analyzers.Tests.Lifecycle;

/// <summary>Runs one rule class over corpus files, the sample cluster or YAML written in a test.</summary>
internal static class RuleRun
{
    /// <summary>The analyzer's findings, with its rules enabled (opt-in ones too).</summary>
    public static IReadOnlyList<Finding> Findings(LandscapeAnalyzer analyzer, Landscape landscape)
    {
        var options = new Configuration.AnalysisOptionsBuilder();
        foreach (var r in analyzer.SupportedRules) options.EnableRule(r.Id);
        return TestLandscapes.Engine(options.Build(), analyzer).Run(landscape).Findings.Where(f => analyzer.SupportedRules.Any(r => r.Id == f.Id)).ToList();
    }

    /// <summary>Corpus files (skips without the corpus) plus fixtures written in the test, in one landscape.</summary>
    public static Landscape Load(string[] corpusPaths, params (string Path, string Yaml)[] fixtures)
    {
        var loader = new ManifestLoader(new LoaderOptions { MaxParallelism = 1 });
        var objects = new List<KubeObject>();
        if (corpusPaths.Length > 0) objects.AddRange(loader.Load(corpusPaths.Select(p => Corpus.Require(p)).ToArray()).Objects);
        foreach (var (path, yaml) in fixtures) objects.AddRange(loader.LoadString(yaml, path).Objects);
        return Landscape.Build(objects);
    }

    public static Landscape FromCorpus(params string[] paths) => Load(paths);

    public static Landscape Samples() =>
        Landscape.Build(new ManifestLoader(new LoaderOptions { MaxParallelism = 1 }).Load(K8sLandscape.TestSupport.Corpus.InRepository("samples/cluster")));

    public static Landscape Yaml(string yaml, string path = "fixture.yaml") => Load([], (path, yaml));

    /// <summary>The file name and line of a location (corpus paths are absolute and machine-dependent).</summary>
    public static (string File, int Line) At(SourceSpan span) => (Path.GetFileName(span.Path), span.Line);
}
