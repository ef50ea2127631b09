using K8sLandscape.Analyzers.Reporting;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Analyzers.Tests.Reporting;

/// <summary>Reports over the repository's samples/cluster and over corpus files, with every built-in rule.</summary>
internal static class SampleReports
{
    public static AnalysisReport Samples() => Of([Corpus.InRepository("samples/cluster")], Corpus.RepositoryRoot);

    public static AnalysisReport Of(string[] paths, string baseDirectory)
    {
        var load = new ManifestLoader().Load(paths);
        var landscape = Landscape.Build(load);
        var engine = LandscapeAnalysis.Create().Build();
        return new AnalysisReport(landscape, engine.Run(landscape), engine.Rules.Where(engine.Options.IsEnabled))
        {
            BaseDirectory = baseDirectory,
            Inputs = paths,
        };
    }
}
