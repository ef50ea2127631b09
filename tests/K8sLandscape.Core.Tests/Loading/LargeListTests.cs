using System.Text;
using K8sLandscape.Loading;

namespace K8sLandscape.Core.Tests.Loading;

/// <summary>
/// A JSON List larger than one document (a <c>kubectl get -A -o json</c> dump of a big cluster) is
/// read item by item, each item under its own document limits and at its own line.
/// </summary>
public class LargeListTests
{
    // Small limits keep the inputs small; one test uses the real default limit.
    private static readonly LoaderOptions Small = new() { MaxDocumentBytes = 64 << 10, MaxParallelism = 2 };

    [Fact]
    public void Json_list_just_over_the_default_document_limit_loads_every_item_at_its_line()
    {
        using var temp = new TempFolder();
        var list = new ListWriter("List");
        var payload = new string('x', 4000);
        while (list.Length <= LoaderOptions.Default.MaxDocumentBytes + (1 << 20)) list.ConfigMap($"cm-{list.Count}", payload);
        var path = temp.File("dump.json", list.Finish());

        var result = new ManifestLoader().Load(path);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(list.Count, result.Objects.Count);
        foreach (var i in new[] { 0, 1, list.Count / 2, list.Count - 1 })
        {
            var o = result.Objects[i];
            Assert.Equal($"cm-{i}", o.Name);
            Assert.Equal(new SourceSpan(path, list.Lines[i], 5), o.Location);
            Assert.Equal(list.Lines[i] + 4, o.LocationOf("metadata.name").Line);
        }
    }

    [Fact]
    public void Streamed_items_have_the_bodies_and_field_lines_of_a_small_list()
    {
        var list = new ListWriter("ConfigMapList");
        for (var i = 0; i < 200; i++) list.ConfigMap($"cm-{i}", new string('y', 500));
        var text = list.Finish();

        var whole = new ManifestLoader(new LoaderOptions { MaxParallelism = 1 }).LoadString(text, "l.json", InputKind.Json);
        var streamed = new ManifestLoader(Small).LoadString(text, "l.json", InputKind.Json);

        Assert.True(Encoding.UTF8.GetByteCount(text) > Small.MaxDocumentBytes);
        Assert.Empty(whole.Diagnostics);
        Assert.Empty(streamed.Diagnostics);
        Assert.Equal(200, streamed.Objects.Count);
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(whole.Objects[i].Location, streamed.Objects[i].Location);
            Assert.Equal(whole.Objects[i].Json.ToArray(), streamed.Objects[i].Json.ToArray());
            Assert.Equal(whole.Objects[i].LocationOf("data.payload"), streamed.Objects[i].LocationOf("data.payload"));
        }
    }

    [Fact]
    public void An_item_over_the_item_limit_is_a_located_diagnostic_and_its_siblings_load()
    {
        var list = new ListWriter("List");
        for (var i = 0; i < 50; i++) list.ConfigMap($"cm-{i}", i == 20 ? new string('z', 100 << 10) : new string('y', 2000));
        var text = list.Finish();

        var result = new ManifestLoader(Small).LoadString(text, "l.json", InputKind.Json);

        var d = result.Single(LoadDiagnosticCodes.LimitExceeded);
        Assert.Equal(new SourceSpan("l.json", list.Lines[20], 5), d.Location);
        Assert.Contains("document limit", d.Message, StringComparison.Ordinal);
        Assert.Equal(49, result.Objects.Count);
        Assert.DoesNotContain(result.Objects, o => o.Name == "cm-20");
        Assert.Equal("cm-21", result.Objects[20].Name);
        Assert.Equal(list.Lines[21], result.Objects[20].Location.Line);
    }

    [Fact]
    public void An_item_too_deep_or_with_too_many_nodes_is_skipped_alone()
    {
        var list = new ListWriter("List");
        list.ConfigMap("before", new string('y', 60 << 10));
        list.Raw("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"deep\"}, \"data\": " + new string('[', 50) + new string(']', 50) + "}");
        list.Raw("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"wide\"}, \"x\": [" + string.Join(",", Enumerable.Repeat("1", 200)) + "]}");
        list.ConfigMap("after", new string('y', 10 << 10));
        var options = Small with { MaxDepth = 20, MaxNodesPerDocument = 100 };

        var result = new ManifestLoader(options).LoadString(list.Finish(), "l.json", InputKind.Json);

        Assert.Equal(["before", "after"], result.Objects.Select(o => o.Name));
        Assert.Equal(2, result.Diagnostics.Count);
        Assert.Contains("nesting is deeper than 20 levels", result.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(list.Lines[1], result.Diagnostics[0].Location.Line);
        Assert.Contains("more than 100 nodes", result.Diagnostics[1].Message, StringComparison.Ordinal);
        Assert.Equal(list.Lines[2], result.Diagnostics[1].Location.Line);
    }

    [Fact]
    public void A_truncated_list_keeps_the_items_before_the_cut_and_locates_it()
    {
        var list = new ListWriter("List");
        for (var i = 0; i < 100; i++) list.ConfigMap($"cm-{i}", new string('y', 1000));
        var text = list.Finish();
        var cut = text[..text.IndexOf("\"cm-60\"", StringComparison.Ordinal)];

        var result = new ManifestLoader(Small).LoadString(cut, "l.json", InputKind.Json);

        var d = result.Single(LoadDiagnosticCodes.InvalidSyntax);
        Assert.Equal(list.Lines[60] + 4, d.Location.Line);
        Assert.Contains("the rest of the file is skipped", d.Message, StringComparison.Ordinal);
        Assert.Equal(60, result.Objects.Count);
        Assert.Equal("cm-59", result.Objects[^1].Name);
    }

    [Fact]
    public void A_malformed_item_in_the_middle_stops_the_list_there()
    {
        var list = new ListWriter("List");
        for (var i = 0; i < 100; i++)
        {
            if (i == 40) list.Raw("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\" \"metadata\": {}}");
            else list.ConfigMap($"cm-{i}", new string('y', 1000));
        }

        var result = new ManifestLoader(Small).LoadString(list.Finish(), "l.json", InputKind.Json);

        var d = result.Single(LoadDiagnosticCodes.InvalidSyntax);
        Assert.Equal(list.Lines[40], d.Location.Line);
        Assert.Equal(40, result.Objects.Count);
    }

    [Fact]
    public void An_item_that_is_not_an_object_is_located_and_skipped()
    {
        var list = new ListWriter("List");
        for (var i = 0; i < 100; i++)
        {
            if (i == 7) list.Raw("\"just a string\"");
            else list.ConfigMap($"cm-{i}", new string('y', 1000));
        }

        var result = new ManifestLoader(Small).LoadString(list.Finish(), "l.json", InputKind.Json);

        var d = result.Single(LoadDiagnosticCodes.NotAMapping);
        Assert.Equal(list.Lines[7], d.Location.Line);
        Assert.Equal(99, result.Objects.Count);
    }

    [Fact]
    public void The_file_limit_still_bounds_a_streamed_list()
    {
        var list = new ListWriter("List");
        for (var i = 0; i < 100; i++) list.ConfigMap($"cm-{i}", new string('y', 1000));
        var options = Small with { MaxFileBytes = 80_000 };

        var result = new ManifestLoader(options).LoadString(list.Finish(), "l.json", InputKind.Json);

        var d = result.Single(LoadDiagnosticCodes.LimitExceeded);
        Assert.Contains("80,000-byte file limit", d.Message, StringComparison.Ordinal);
        Assert.InRange(result.Objects.Count, 50, 79);
        Assert.Equal(Enumerable.Range(0, result.Objects.Count).Select(i => $"cm-{i}"), result.Objects.Select(o => o.Name));
    }

    [Fact]
    public void A_large_object_that_is_not_a_list_is_still_skipped_whole()
    {
        var list = new ListWriter("ConfigMap");
        for (var i = 0; i < 100; i++) list.ConfigMap($"cm-{i}", new string('y', 1000));

        var result = new ManifestLoader(Small).LoadString(list.Finish(), "l.json", InputKind.Json);

        Assert.Empty(result.Objects);
        var d = result.Single(LoadDiagnosticCodes.LimitExceeded);
        Assert.Contains("file is larger than the 65,536-byte document limit", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_lists_and_a_kind_before_the_items_stream_too()
    {
        var list = new ListWriter("PodList", kindFirst: true);
        for (var i = 0; i < 100; i++) list.ConfigMap($"cm-{i}", new string('y', 1000));

        var result = new ManifestLoader(Small).LoadString(list.Finish(), "l.json", InputKind.Json);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(100, result.Objects.Count);
        Assert.Equal(list.Lines[99], result.Objects[99].Location.Line);
    }

    [Fact]
    public void Standard_input_streams_a_large_list_like_a_file()
    {
        var list = new ListWriter("List");
        for (var i = 0; i < 100; i++) list.ConfigMap($"cm-{i}", new string('y', 1000));
        var bytes = Encoding.UTF8.GetBytes(list.Finish());

        // The standard input source is LoadStream with the kind left to be sniffed.
        var result = new ManifestLoader(Small).LoadStream(new MemoryStream(bytes), ManifestLoader.StandardInput);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(100, result.Objects.Count);
        Assert.Equal(new SourceSpan("-", list.Lines[73], 5), result.Objects[73].Location);
        Assert.Equal(bytes.Length, result.BytesRead);
    }

    [Fact]
    public void Standard_input_of_a_small_list_takes_the_ordinary_path()
    {
        var list = new ListWriter("List");
        for (var i = 0; i < 3; i++) list.ConfigMap($"cm-{i}", "a");

        var result = new ManifestLoader(Small).LoadStream(new MemoryStream(Encoding.UTF8.GetBytes(list.Finish())), ManifestLoader.StandardInput);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(3, result.Objects.Count);
    }

    /// <summary>Writes a List as kubectl does (items before kind) and records each item's line.</summary>
    private sealed class ListWriter
    {
        private readonly StringBuilder _text = new();
        private readonly string _kind;
        private readonly bool _kindFirst;
        private int _line;

        public ListWriter(string kind, bool kindFirst = false)
        {
            _kind = kind;
            _kindFirst = kindFirst;
            _text.Append("{\n    \"apiVersion\": \"v1\",\n");
            _line = 3;
            if (kindFirst)
            {
                _text.Append($"    \"kind\": \"{kind}\",\n");
                _line++;
            }

            _text.Append("    \"items\": [");
        }

        public List<int> Lines { get; } = [];

        public int Count => Lines.Count;

        public int Length => _text.Length;

        public void ConfigMap(string name, string payload) =>
            Raw($"{{\n        \"apiVersion\": \"v1\",\n        \"kind\": \"ConfigMap\",\n        \"metadata\": {{\n            \"name\": \"{name}\",\n            \"namespace\": \"ns\"\n        }},\n        \"data\": {{\n            \"payload\": \"{payload}\"\n        }}\n    }}");

        public void Raw(string item)
        {
            _text.Append(Count == 0 ? "\n    " : ",\n    ");
            _line++;
            Lines.Add(_line);
            _text.Append(item);
            _line += item.Count(c => c == '\n');
        }

        public string Finish()
        {
            _text.Append("\n    ],\n");
            if (!_kindFirst) _text.Append($"    \"kind\": \"{_kind}\",\n");
            _text.Append("    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n");
            return _text.ToString();
        }
    }
}
