using System.Text.Json;
using K8sLandscape.Loading;
using K8sLandscape.Sources;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Core.Tests.Sources;

public class SnapshotYamlTests
{
    [Theory]
    [InlineData("yes")]
    [InlineData("on")]
    [InlineData("N")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData("0777")]
    [InlineData("1_000")]
    [InlineData("0x1F")]
    [InlineData("1e3")]
    [InlineData(".inf")]
    [InlineData("2024-01-01")]
    [InlineData("12:30:00")]
    [InlineData("- item")]
    [InlineData("key: value")]
    [InlineData("a #comment")]
    [InlineData("#x")]
    [InlineData("*alias")]
    [InlineData("&anchor")]
    [InlineData("!tag")]
    [InlineData("|")]
    [InlineData("@at")]
    [InlineData("`tick")]
    [InlineData("'single'")]
    [InlineData("\"double\"")]
    [InlineData("{a: 1}")]
    [InlineData("[1, 2]")]
    [InlineData("<<")]
    [InlineData("=")]
    [InlineData("---")]
    [InlineData("...")]
    [InlineData(" leading space")]
    [InlineData("trailing space ")]
    [InlineData("tab\there")]
    [InlineData("back\\slash")]
    [InlineData("line one\nline two\n")]
    [InlineData("line one\nline two")]
    [InlineData("two trailing\n\n")]
    [InlineData("\nleading newline")]
    [InlineData("  indented\nfirst")]
    [InlineData("first\n  indented\n")]
    [InlineData("first\n   \nspaces only line")]
    [InlineData("trailing spaces  \nnext")]
    [InlineData("crlf\r\nline")]
    [InlineData("---\nnot a document start\n...\n")]
    [InlineData("control \u0001 \u007f \u0085 \u2028 \ufeff")]
    [InlineData("unicode é ü 中文 🚀")]
    [InlineData("nginx:1.27")]
    [InlineData("http://example.com/a?b=c#d")]
    [InlineData("plain words here")]
    public void Strings_read_back_unchanged_as_values_and_as_keys(string value)
    {
        var body = new Dictionary<string, object?>
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new Dictionary<string, object?> { ["name"] = "x", ["annotations"] = new Dictionary<string, object?> { [value.Length == 0 ? "empty" : value] = value } },
            ["data"] = new Dictionary<string, object?> { ["v"] = value, ["list"] = new object?[] { value, new object?[] { value }, new Dictionary<string, object?> { ["k"] = value } } },
        };
        AssertRoundTrip(JsonSerializer.Serialize(body));
    }

    [Fact]
    public void Numbers_booleans_nulls_and_empty_collections_read_back_unchanged()
    {
        AssertRoundTrip("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{}},
             "spec":{"replicas":3,"ratio":0.5,"big":9007199254740993,"neg":-7,"exp":1.5e10,"on":true,"off":false,"nothing":null,
                     "emptyList":[],"emptyMap":{},"nested":[[1,2],[],[{}],[{"a":[]}]],"items":[{"a":1,"b":{"c":[1,{"d":"e"}]}}]}}
            """);
    }

    [SkippableFact]
    public void Every_corpus_object_reads_back_unchanged()
    {
        var objects = new ManifestLoader().Load(Corpus.Require()).Objects.Where(o => o.DocumentClass == DocumentClass.KubernetesObject).ToArray();
        using var text = new StringWriter();
        SnapshotWriter.Write(text, objects);
        var reread = new ManifestLoader().LoadString(text.ToString(), "snapshot.yaml");

        Assert.Empty(reread.Diagnostics);
        Assert.Equal(objects.Length, reread.Objects.Count);
        for (var i = 0; i < objects.Length; i++)
        {
            Assert.True(JsonElement.DeepEquals(objects[i].Body, reread.Objects[i].Body), $"{objects[i]} reads back differently");
        }
    }

    [Fact]
    public void Multi_line_text_is_written_as_a_literal_block()
    {
        var o = Fixtures.Obj("v1", "ConfigMap", "kube-system", "c", """ "data": { "conf": "{\n  \"name\": \"net\"\n}\n" } """);
        using var text = new StringWriter();
        SnapshotWriter.Write(text, [o]);
        Assert.Contains("  conf: |\n    {\n      \"name\": \"net\"\n    }\n", text.ToString(), StringComparison.Ordinal);
    }

    private static void AssertRoundTrip(string json)
    {
        var o = KubeObject.FromJson(json, new SourceSpan("cluster://t/api/v1/x", 0, 0));
        using var text = new StringWriter();
        SnapshotWriter.Write(text, [o]);
        var reread = new ManifestLoader().LoadString(text.ToString(), "snapshot.yaml");

        Assert.Empty(reread.Diagnostics);
        var back = Assert.Single(reread.Objects);
        Assert.True(JsonElement.DeepEquals(o.Body, back.Body), $"wrote:\n{text}\nread back:\n{back.Body.GetRawText()}");
    }
}
