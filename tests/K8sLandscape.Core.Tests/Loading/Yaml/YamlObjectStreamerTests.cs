using System.Text;
using K8sLandscape.Loading;
using K8sLandscape.Loading.Trees;
using K8sLandscape.Loading.Yaml;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Core.Tests.Loading.Yaml;

/// <summary>
/// Object documents are written straight from parser events (<see cref="YamlObjectStreamer"/>);
/// anything unusual goes to the tree reader. Either way the objects and diagnostics must be exactly
/// those the tree reader alone gives.
/// </summary>
public class YamlObjectStreamerTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          labels:
            app: web
            tier: "1"
          annotations:
            note: ~
          ownerReferences:
          - kind: ReplicaSet
            name: web-1
        spec:
          replicas: 3
          template:
            spec:
              containers:
              - name: web
                image: nginx:1.27
                args: [--port, 8080, yes, 1.5e3, 0x1F, 0777, ~, "", .inf]
        """;

    [Fact]
    public void An_ordinary_object_is_streamed_into_the_same_body_and_lines_as_the_tree_gives()
    {
        var (streamed, streamedRoots, _) = Read(Deployment, stream: true);
        var (tree, _, _) = Read(Deployment, stream: false);

        var root = Assert.IsType<MappingNode>(Assert.Single(streamedRoots));
        Assert.NotNull(root.Prewritten);
        AssertSameObjects(tree, streamed, "Deployment");
        var deployment = Assert.Single(streamed);
        Assert.Equal("shop", deployment.Namespace);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "web", ["tier"] = "1" }, deployment.Labels);
        Assert.Equal(21, deployment.LocationOf("spec.template.spec.containers[0].args").Line);
    }

    [Fact]
    public void Only_the_top_level_and_metadata_are_kept_as_nodes()
    {
        var (_, roots, _) = Read(Deployment, stream: true);
        var root = Assert.IsType<MappingNode>(Assert.Single(roots));

        var spec = Assert.IsType<MappingNode>(root.Get("spec"));
        Assert.Empty(spec.Entries);
        Assert.Equal(15, spec.Line); // a block mapping starts at its first key
        var meta = Assert.IsType<MappingNode>(root.Get("metadata"));
        Assert.Equal(["name", "namespace", "labels", "annotations", "ownerReferences"], meta.Entries.Select(e => e.Key));
        Assert.Equal(2, Assert.IsType<MappingNode>(meta.Get("labels")).Entries.Count);
        Assert.Empty(Assert.IsType<SequenceNode>(meta.Get("ownerReferences")).Items);
    }

    public static TheoryData<string, string> Unusual() => new()
    {
        { "anchor and alias", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: &v one\n  y: *v\n" },
        { "merge key", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\nbase: &b {k: v}\ndata:\n  <<: *b\n" },
        { "repeated key", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n" },
        { "repeated key in a large mapping", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n" + string.Concat(Enumerable.Range(0, 12).Select(i => $"  k{i}: v\n")) + "  k3: again\n" },
        { "complex key", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  ? [a, b]\n  : c\n" },
        { "List", "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n" },
        { "no kind", "apiVersion: v1\nmetadata:\n  name: a\n" },
        { "kind not a string", "apiVersion: v1\nkind: 12\nmetadata:\n  name: a\n" },
        { "no apiVersion", "kind: ConfigMap\nmetadata:\n  name: a\n" },
        { "a sequence", "- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n" },
    };

    [Theory]
    [MemberData(nameof(Unusual))]
    public void Anything_unusual_goes_to_the_tree_reader_and_loads_as_it_alone_loads_it(string what, string yaml)
    {
        var streamer = new YamlObjectStreamer(1, new LoaderOptions(), arena: null);
        Assert.Null(streamer.TryReadAll(new SharpYamlEventSource(yaml)));

        var (streamed, _, streamedDiagnostics) = Read(yaml, stream: true);
        var (tree, _, treeDiagnostics) = Read(yaml, stream: false);
        AssertSameObjects(tree, streamed, what);
        Assert.Equal(treeDiagnostics, streamedDiagnostics);
    }

    [Fact]
    public void A_repeated_key_is_reported_once_with_the_last_value_kept()
    {
        var (objects, _, diagnostics) = Read("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: one\n  k: two\n", stream: true);

        var d = Assert.Single(diagnostics);
        Assert.Equal(LoadDiagnosticCodes.DuplicateKey, d.Code);
        Assert.Equal(7, d.Location.Line);
        Assert.Equal("two", Assert.Single(objects).GetString("data.k"));
    }

    [Fact]
    public void Documents_past_the_limits_go_to_the_tree_reader_which_reports_them()
    {
        // Four levels deep (the root, data, a, b) and 17 nodes: 12 scalars, keys included, and 5 mappings.
        var deep = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  a:\n    b:\n      c: d\n";
        const string body = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"a":{"b":{"c":"d"}}}}""";

        Assert.Null(Stream(deep, new LoaderOptions { MaxDepth = 3 }));
        Assert.Equal(body, Stream(deep, new LoaderOptions { MaxDepth = 4 }));
        Assert.Null(Stream(deep, new LoaderOptions { MaxNodesPerDocument = 16 }));
        Assert.Equal(body, Stream(deep, new LoaderOptions { MaxNodesPerDocument = 17 }));

        var (objects, _, diagnostics) = Read(deep, stream: true, new LoaderOptions { MaxDepth = 3 });
        Assert.Empty(objects);
        var d = Assert.Single(diagnostics);
        Assert.Equal(LoadDiagnosticCodes.LimitExceeded, d.Code);
        Assert.Equal(8, d.Location.Line);
    }

    /// <summary>The body the streamer writes for a one-document text, or null when it gives up.</summary>
    private static string? Stream(string yaml, LoaderOptions options)
    {
        var roots = new YamlObjectStreamer(1, options, arena: null).TryReadAll(new SharpYamlEventSource(yaml));
        if (roots is null) return null;
        var root = Assert.IsType<MappingNode>(Assert.Single(roots));
        return Encoding.UTF8.GetString(root.Prewritten!.Value.Json.Span);
    }

    [Fact]
    public void Empty_documents_between_objects_are_kept_as_null_scalars()
    {
        var yaml = "---\n---\n" + Deployment + "\n---\n";
        var roots = new YamlObjectStreamer(1, new LoaderOptions(), null).TryReadAll(new SharpYamlEventSource(yaml));

        Assert.NotNull(roots);
        Assert.Collection(
            roots,
            r => Assert.Equal(ScalarKind.Null, Assert.IsType<ScalarNode>(r).Kind),
            r => Assert.NotNull(Assert.IsType<MappingNode>(r).Prewritten),
            r => Assert.Equal(ScalarKind.Null, Assert.IsType<ScalarNode>(r).Kind));
    }

    [SkippableFact]
    public void Every_corpus_manifest_loads_the_same_streamed_or_from_the_tree()
    {
        var root = Corpus.Require();
        var streamedObjects = 0;
        var total = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*.y*ml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            var (streamed, roots, streamedDiagnostics) = Read(text, stream: true, path: file);
            var (tree, _, treeDiagnostics) = Read(text, stream: false, path: file);
            AssertSameObjects(tree, streamed, file);
            Assert.Equal(treeDiagnostics, streamedDiagnostics);
            total += tree.Count;
            streamedObjects += roots.Count(r => r is MappingNode { Prewritten: not null });
        }

        // The fast path must be the usual one, or this test proves nothing about it.
        Assert.True(total > 1000, $"only {total} corpus objects");
        Assert.True(streamedObjects > total * 0.8, $"{streamedObjects} of {total} corpus objects were streamed");
    }

    private static (List<KubeObject> Objects, List<Node> Roots, List<LoadDiagnostic> Diagnostics) Read(string yaml, bool stream, LoaderOptions? options = null, string path = "test.yaml")
    {
        var diagnostics = new List<LoadDiagnostic>();
        var reader = new YamlTreeReader(yaml, path, 1, options ?? new LoaderOptions(), diagnostics.Add, streamObjects: stream);
        var roots = reader.ReadAll();
        var objects = new List<KubeObject>();
        var interpreter = new DocumentInterpreter(path, InputKind.Yaml, diagnostics.Add);
        foreach (var r in roots) interpreter.Interpret(r, null, objects);
        return (objects, roots, diagnostics);
    }

    private static void AssertSameObjects(List<KubeObject> expected, List<KubeObject> actual, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: {actual.Count} objects, expected {expected.Count}");
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            var at = $"{what}: object {i} ({e})";
            Assert.True(e.Json.Span.SequenceEqual(a.Json.Span), $"{at}: body {Encoding.UTF8.GetString(a.Json.Span)}");
            Assert.Equal(e.Location, a.Location);
            Assert.Equal(e.Gvk, a.Gvk);
            Assert.Equal(e.Name, a.Name);
            Assert.Equal(e.Namespace, a.Namespace);
            Assert.Equal(e.Labels, a.Labels);
            Assert.Equal(e.Annotations, a.Annotations);
            Assert.Equal(e.DocumentClass, a.DocumentClass);
            Assert.True(e.Lines is not null && a.Lines is not null, $"{at}: no line table");
            Assert.True(e.Lines.Count == a.Lines.Count, $"{at}: {a.Lines.Count} lines, expected {e.Lines.Count}");
            for (var n = 0; n < e.Lines.Count; n++)
            {
                Assert.True(e.Lines.LineAt(n) == a.Lines.LineAt(n), $"{at}: node {n} at line {a.Lines.LineAt(n)}, expected {e.Lines.LineAt(n)}");
            }
        }
    }
}
