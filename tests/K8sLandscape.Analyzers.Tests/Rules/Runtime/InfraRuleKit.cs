using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Analyzers.Tests.InfrastructureRules;

/// <summary>Runs one infrastructure rule over corpus files, the sample cluster or hand-written fixtures.</summary>
internal static class InfraRuleKit
{
    private static readonly LoaderOptions Serial = new() { MaxParallelism = 1 };

    /// <summary>The findings of one analyzer alone.</summary>
    public static IReadOnlyList<Finding> Run(LandscapeAnalyzer analyzer, Landscape landscape) =>
        TestLandscapes.Engine(analyzer).Run(landscape).Findings;

    /// <summary>Loads corpus files and folders together, as one input (skips when the corpus is absent).</summary>
    public static Landscape FromCorpus(params string[] relative)
    {
        var paths = relative.Select(r => Corpus.Require(r)).ToArray();
        return Landscape.Build(new ManifestLoader(Serial).Load(paths));
    }

    /// <summary>Corpus files plus hand-written documents, as one input.</summary>
    public static Landscape FromCorpusAnd(string[] relative, params (string Path, string Yaml)[] fixtures)
    {
        var loader = new ManifestLoader(Serial);
        var objects = loader.Load(relative.Select(r => Corpus.Require(r)).ToArray()).Objects.ToList();
        foreach (var (path, yaml) in fixtures) objects.AddRange(loader.LoadString(yaml, path).Objects);
        return Landscape.Build(objects);
    }

    /// <summary>The hand-written fragmented cluster of samples/cluster.</summary>
    public static Landscape Sample() => Landscape.Build(new ManifestLoader(Serial).Load(Corpus.InRepository("samples/cluster")));

    /// <summary>The absolute path of a corpus file, as the loader reports it.</summary>
    public static string CorpusPath(string relative) => Corpus.Require(relative);

    /// <summary>The path of a sample file, as the loader reports it.</summary>
    public static string SamplePath(string file) => Path.Combine(Corpus.InRepository("samples/cluster"), file);

    /// <summary>(file name, line) of each span, for readable assertions.</summary>
    public static (string File, int Line)[] Lines(IEnumerable<SourceSpan> spans) =>
        spans.Select(s => (Path.GetFileName(s.Path), s.Line)).ToArray();

    /// <summary>(file name, line) of one span.</summary>
    public static (string File, int Line) Line(SourceSpan span) => (Path.GetFileName(span.Path), span.Line);
}
