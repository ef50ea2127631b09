using K8sLandscape.Loading.Yaml;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Core.Tests.Loading.Yaml;

/// <summary>
/// The loader reads valid YAML with SharpYaml and falls back to YamlDotNet only for what SharpYaml
/// rejects (or any tab): that is only sound while both give the same events on valid input.
/// </summary>
public class ParserEquivalenceTests
{
    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Path.Combine(Corpus.RepositoryRoot, "samples"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Corpus.RepositoryRoot, f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Both_parsers_give_the_same_events_on_the_samples(string relative)
    {
        var text = File.ReadAllText(Path.Combine(Corpus.RepositoryRoot, relative));
        var (fast, fallback) = (Events(new SharpYamlEventSource(text)), Events(new YamlDotNetEventSource(text)));
        if (fast is null || fallback is null)
        {
            // A planted broken sample: both must reject it, so the fallback reports it.
            Assert.Null(fast);
            Assert.Null(fallback);
            return;
        }

        AssertSame(fallback, fast, relative);
    }

    [SkippableFact]
    public void Both_parsers_give_the_same_events_on_every_corpus_manifest()
    {
        var root = Corpus.Require();
        var compared = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*.y*ml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            var (fast, fallback) = (Events(new SharpYamlEventSource(text)), Events(new YamlDotNetEventSource(text)));
            Assert.True((fast is null) == (fallback is null), $"{file}: only one parser rejects it");
            if (fast is null || fallback is null) continue;
            AssertSame(fallback, fast, file);
            compared++;
        }

        Assert.True(compared > 400, $"only {compared} corpus files compared");
    }

    [Fact]
    public void A_tab_indented_document_is_read_by_the_fallback_and_reported_as_before()
    {
        var result = new K8sLandscape.Loading.ManifestLoader().LoadString("apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n", "t.yaml");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((K8sLandscape.Loading.LoadDiagnosticCodes.TabIndentation, 4), (d.Code, d.Location.Line));
        Assert.Empty(result.Objects);
    }

    [Fact]
    public void A_document_only_the_fast_parser_would_name_differently_gets_the_fallback_wording()
    {
        // SharpYaml says "did not find expected ',' or '}'"; the diagnostic keeps YamlDotNet's wording.
        var result = new K8sLandscape.Loading.ManifestLoader().LoadString("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {a: b\ndata:\n  x: y\n", "t.yaml");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(K8sLandscape.Loading.LoadDiagnosticCodes.InvalidSyntax, d.Code);
        Assert.Contains("InvalidOperationException", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_key_read_by_the_fast_parser_is_reported_once()
    {
        var result = new K8sLandscape.Loading.ManifestLoader().LoadString("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n", "t.yaml");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((K8sLandscape.Loading.LoadDiagnosticCodes.DuplicateKey, 5), (d.Code, d.Location.Line));
        Assert.Equal("b", Assert.Single(result.Objects).Name);
    }

    private static List<YamlEvent>? Events(IYamlEventSource source)
    {
        var events = new List<YamlEvent>();
        try
        {
            while (true)
            {
                var e = source.Next();
                events.Add(e);
                if (e.Kind == YamlEventKind.StreamEnd) return events;
            }
        }
        catch (Exception ex) when (ex is SharpYaml.YamlException or YamlDotNet.Core.YamlException or InvalidOperationException)
        {
            return null;
        }
    }

    private static void AssertSame(List<YamlEvent> expected, List<YamlEvent> actual, string file)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            // The one known difference: the position of the empty scalar of an empty document
            // ('---' at the end of a file), one column apart. Nothing is built from it.
            if (e is { Kind: YamlEventKind.Scalar, Value: "" } && a is { Kind: YamlEventKind.Scalar, Value: "" }) continue;
            if (e.Kind is YamlEventKind.DocumentEnd or YamlEventKind.StreamEnd or YamlEventKind.MappingEnd or YamlEventKind.SequenceEnd or YamlEventKind.DocumentStart)
            {
                // End and document events carry no position the tree uses.
                Assert.Equal(e.Kind, a.Kind);
                continue;
            }

            // YamlDotNet names the non-specific tag '?' where SharpYaml leaves it empty; neither is a tag.
            var tag = (string? t) => t is null or "?" or "!" ? null : t;
            Assert.True(e with { Tag = tag(e.Tag) } == a with { Tag = tag(a.Tag) }, $"{file}: event {i} differs: YamlDotNet {e}, SharpYaml {a}");
        }
    }
}
