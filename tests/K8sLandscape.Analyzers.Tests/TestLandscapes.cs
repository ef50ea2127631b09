using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers.Tests;

internal static class TestLandscapes
{
    public static Landscape FromYaml(string yaml, string path = "test.yaml") =>
        Landscape.Build(new ManifestLoader(new LoaderOptions { MaxParallelism = 1 }).LoadString(yaml, path));

    public static Landscape FromFiles(params (string Path, string Yaml)[] files)
    {
        var loader = new ManifestLoader(new LoaderOptions { MaxParallelism = 1 });
        var objects = new List<KubeObject>();
        var diagnostics = new List<LoadDiagnostic>();
        foreach (var (path, yaml) in files)
        {
            var r = loader.LoadString(yaml, path);
            objects.AddRange(r.Objects);
            diagnostics.AddRange(r.Diagnostics);
        }

        return Landscape.Build(objects, null, diagnostics);
    }

    public static Landscape Empty { get; } = Landscape.Build([]);

    /// <summary>Only the given analyzers, no built-ins.</summary>
    public static AnalyzerEngine Engine(params LandscapeAnalyzer[] analyzers) => new(analyzers);

    /// <summary>Only the given analyzers, no built-ins, with options.</summary>
    public static AnalyzerEngine Engine(Configuration.AnalysisOptions options, params LandscapeAnalyzer[] analyzers) => new(analyzers, null, options);
}
