using System.Text;
using K8sLandscape.Loading;

namespace K8sLandscape.Core.Tests.Loading;

/// <summary>
/// A YAML List (<c>kubectl get -A -o yaml</c> prints one document with <c>items:</c>) is cut item by
/// item: each item at its own line, under its own document limits, the List's text never held whole.
/// </summary>
public class LargeYamlListTests
{
    // Small limits keep the inputs small.
    private static readonly LoaderOptions Small = new() { MaxDocumentBytes = 64 << 10, MaxParallelism = 2 };

    [Fact]
    public void Yaml_list_past_the_document_limit_loads_every_item_at_its_line()
    {
        using var temp = new TempFolder();
        var list = new YamlListWriter("List");
        for (var i = 0; i < 300; i++) list.ConfigMap($"cm-{i}", new string('x', 500));
        var text = list.Finish();
        var path = temp.File("dump.yaml", text);

        var result = new ManifestLoader(Small).Load(path);

        Assert.True(Encoding.UTF8.GetByteCount(text) > 2 * Small.MaxDocumentBytes);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(Enumerable.Range(0, 300).Select(i => $"cm-{i}"), result.Objects.Select(o => o.Name));
        foreach (var i in new[] { 0, 1, 150, 299 })
        {
            var o = result.Objects[i];
            Assert.Equal(new SourceSpan(path, list.Lines[i], 3), o.Location);
            Assert.Equal(list.Lines[i] + 5, o.LocationOf("metadata.name").Line);
            Assert.Equal(new string('x', 500), o.GetString("data.payload"));
        }
    }

    [Fact]
    public void Indented_items_with_the_first_key_on_the_next_line_keep_lines_and_columns()
    {
        var list = new YamlListWriter("ConfigMapList", indent: 2, keyOnNextLine: true, kindFirst: true);
        for (var i = 0; i < 200; i++) list.ConfigMap($"cm-{i}", new string('x', 500));

        var result = new ManifestLoader(Small).LoadString(list.Finish(), "l.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(200, result.Objects.Count);
        Assert.Equal(new SourceSpan("l.yaml", list.Lines[123], 5), result.Objects[123].Location);
        Assert.Equal(list.Lines[123] + 5, result.Objects[123].LocationOf("metadata.name").Line);
    }

    [Fact]
    public void Streamed_items_equal_the_whole_document_read_and_the_multi_document_form()
    {
        var list = new YamlListWriter("List");
        var multi = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            var payload = $"p{i}";
            list.ConfigMap($"cm-{i}", payload);
            multi.Append($"---\napiVersion: v1\ndata:\n  payload: {payload}\nkind: ConfigMap\nmetadata:\n  name: cm-{i}\n  namespace: ns\n");
        }

        var text = list.Finish();

        // A '&' that may be an anchor sends a List within the limit down the whole-document path.
        var whole = new ManifestLoader(new LoaderOptions { MaxParallelism = 1 }).LoadString(text + "# &whole\n", "l.yaml");
        var streamed = new ManifestLoader(Small).LoadString(text, "l.yaml");
        var documents = new ManifestLoader(Small).LoadString(multi.ToString(), "m.yaml");

        Assert.Empty(whole.Diagnostics);
        Assert.Empty(streamed.Diagnostics);
        Assert.Equal(40, streamed.Objects.Count);
        Assert.Equal(40, documents.Objects.Count);
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(whole.Objects[i].Location, streamed.Objects[i].Location);
            Assert.Equal(whole.Objects[i].LocationOf("data.payload"), streamed.Objects[i].LocationOf("data.payload"));
            Assert.Equal(whole.Objects[i].Json.ToArray(), streamed.Objects[i].Json.ToArray());
            Assert.Equal(documents.Objects[i].Json.ToArray(), streamed.Objects[i].Json.ToArray());
            Assert.Equal(
                documents.Objects[i].LocationOf("metadata.namespace").Line - documents.Objects[i].Location.Line,
                streamed.Objects[i].LocationOf("metadata.namespace").Line - streamed.Objects[i].Location.Line);
        }
    }

    [Fact]
    public void An_item_over_the_item_limit_is_a_located_diagnostic_and_its_siblings_load()
    {
        var list = new YamlListWriter("List");
        for (var i = 0; i < 50; i++) list.ConfigMap($"cm-{i}", i == 20 ? new string('z', 100 << 10) : new string('y', 2000));

        var result = new ManifestLoader(Small).LoadString(list.Finish(), "l.yaml");

        var d = result.Single(LoadDiagnosticCodes.LimitExceeded);
        Assert.Equal(new SourceSpan("l.yaml", list.Lines[20], 1), d.Location);
        Assert.Contains("List item is larger than the 65,536-byte document limit", d.Message, StringComparison.Ordinal);
        Assert.Equal(49, result.Objects.Count);
        Assert.DoesNotContain(result.Objects, o => o.Name == "cm-20");
        Assert.Equal(list.Lines[21], result.Objects[20].Location.Line);
    }

    [Fact]
    public void An_item_with_a_line_longer_than_the_limit_is_skipped_without_buffering_it()
    {
        var list = new YamlListWriter("List");
        for (var i = 0; i < 10; i++) list.ConfigMap($"cm-{i}", i == 4 ? new string('z', 300 << 10) : "a");

        var result = new ManifestLoader(Small).LoadString(list.Finish(), "l.yaml");

        var d = result.Single(LoadDiagnosticCodes.LimitExceeded);
        Assert.Equal(list.Lines[4], d.Location.Line);
        Assert.Equal(9, result.Objects.Count);
    }

    [Fact]
    public void An_item_too_deep_or_with_too_many_nodes_is_skipped_alone()
    {
        var list = new YamlListWriter("List");
        list.ConfigMap("before", new string('y', 60 << 10));
        list.Raw("- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: deep}\n  data: " + new string('[', 50) + new string(']', 50));
        list.Raw("- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: wide}\n  x: [" + string.Join(", ", Enumerable.Repeat("1", 200)) + "]");
        list.ConfigMap("after", new string('y', 10 << 10));

        var result = new ManifestLoader(Small with { MaxDepth = 20, MaxNodesPerDocument = 100 }).LoadString(list.Finish(), "l.yaml");

        Assert.Equal(["before", "after"], result.Objects.Select(o => o.Name));
        Assert.Equal(2, result.Diagnostics.Count);
        Assert.Contains("nesting is deeper than 20 levels", result.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(list.Lines[1] + 3, result.Diagnostics[0].Location.Line);
        Assert.Contains("more than 100 nodes", result.Diagnostics[1].Message, StringComparison.Ordinal);
        Assert.Equal(list.Lines[2] + 3, result.Diagnostics[1].Location.Line);
    }

    [Fact]
    public void A_bad_item_is_reported_at_its_line_and_the_others_load()
    {
        var list = new YamlListWriter("List");
        for (var i = 0; i < 100; i++)
        {
            if (i == 40) list.Raw("- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: [bad}");
            else if (i == 41) list.Raw("- just a string");
            else list.ConfigMap($"cm-{i}", new string('y', 1000));
        }

        var result = new ManifestLoader(Small).LoadString(list.Finish(), "l.yaml");

        var syntax = result.Single(LoadDiagnosticCodes.InvalidSyntax);
        Assert.Equal(list.Lines[40] + 2, syntax.Location.Line);
        var scalar = result.Single(LoadDiagnosticCodes.NotAMapping);
        Assert.Equal(list.Lines[41], scalar.Location.Line);
        Assert.Contains("an item of the List is not an object", scalar.Message, StringComparison.Ordinal);
        Assert.Equal(98, result.Objects.Count);
        Assert.Equal("cm-42", result.Objects[40].Name);
    }

    [Fact]
    public void A_small_list_is_cut_too_so_a_bad_item_costs_only_itself()
    {
        const string yaml = "apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: [a}\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: b}\nkind: List\n";

        var result = new ManifestLoader().LoadString(yaml, "s.yaml");

        Assert.Equal("b", Assert.Single(result.Objects).Name);
        Assert.Equal(5, result.Single(LoadDiagnosticCodes.InvalidSyntax).Location.Line);
    }

    [Fact]
    public void A_large_document_with_items_that_is_not_a_list_is_still_skipped_whole()
    {
        var list = new YamlListWriter("ConfigMap");
        for (var i = 0; i < 100; i++) list.ConfigMap($"cm-{i}", new string('y', 1000));

        var result = new ManifestLoader(Small).LoadString("a: 1\n---\n" + list.Finish() + "---\nb: 2\n", "l.yaml");

        Assert.Empty(result.Objects);
        var d = result.Single(LoadDiagnosticCodes.LimitExceeded);
        Assert.Equal(2, d.Location.Line);
        Assert.Contains("document is larger than the 65,536-byte limit", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_document_with_items_that_is_not_a_list_reads_as_one_object()
    {
        const string yaml = "apiVersion: example.com/v1\nitems:\n- a: 1\n- b: 2\nkind: Widget\nmetadata:\n  name: w\n";

        var result = new ManifestLoader(Small).LoadString(yaml, "w.yaml");

        Assert.Empty(result.Diagnostics);
        var o = Assert.Single(result.Objects);
        Assert.Equal("Widget", o.Kind);
        Assert.Equal(new SourceSpan("w.yaml", 1, 1), o.Location);
        Assert.True(o.TryGet("items[1].b", out var b));
        Assert.Equal(2, b.GetInt32());
    }

    [Fact]
    public void A_list_inside_a_multi_document_stream_keeps_the_documents_around_it_in_order()
    {
        var list = new YamlListWriter("List", before: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: first\n---\n");
        for (var i = 0; i < 100; i++) list.ConfigMap($"cm-{i}", new string('y', 1000));
        var text = list.Finish() + "...\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: last\n";

        var result = new ManifestLoader(Small).LoadString(text, "l.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(102, result.Objects.Count);
        Assert.Equal("first", result.Objects[0].Name);
        Assert.Equal("cm-0", result.Objects[1].Name);
        Assert.Equal(list.Lines[0], result.Objects[1].Location.Line);
        Assert.Equal("last", result.Objects[^1].Name);
        Assert.Equal(text.Split('\n').Length - 4, result.Objects[^1].Location.Line);
    }

    [Fact]
    public void Comments_blank_lines_block_scalars_and_crlf_stay_inside_their_items()
    {
        const string yaml = """
            apiVersion: v1
            items:
            # a comment before the first item

            - apiVersion: v1
              data:
                script: |
                  - not an item
                    - also not an item
              kind: ConfigMap
              metadata:
                name: one
            # between items
            - apiVersion: v1
              data:
                keep: |+
                  text

            - # the key on the next line
              apiVersion: v1
              kind: ConfigMap
              metadata:
                name: three
            kind: List
            metadata:
              resourceVersion: ""
            """;
        var text = yaml.Replace("- apiVersion: v1\n  data:\n    keep", "- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: two}\n  data:\n    keep", StringComparison.Ordinal);

        foreach (var newline in new[] { "\n", "\r\n" })
        {
            var result = new ManifestLoader(Small with { MaxDocumentBytes = 200 }).LoadString(text.Replace("\n", newline, StringComparison.Ordinal), "c.yaml");

            Assert.Empty(result.Diagnostics);
            Assert.Equal(["one", "two", "three"], result.Objects.Select(o => o.Name));
            Assert.Equal("- not an item\n  - also not an item\n", result.Objects[0].GetString("data.script"));
            Assert.Equal("text\n\n", result.Objects[1].GetString("data.keep"));
            Assert.Equal([5, 14, 22], result.Objects.Select(o => o.Location.Line));
            Assert.Equal(3, result.Objects[2].Location.Column);
        }
    }

    [Fact]
    public void Flow_and_empty_items_take_the_ordinary_path()
    {
        const string yaml = "apiVersion: v1\nitems: []\nkind: List\n---\napiVersion: v1\nitems: [{apiVersion: v1, kind: Namespace, metadata: {name: a}}]\nkind: List\n";

        var result = new ManifestLoader(Small).LoadString(yaml, "f.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal("a", Assert.Single(result.Objects).Name);
    }

    [Fact]
    public void An_empty_item_is_not_an_object()
    {
        const string yaml = "apiVersion: v1\nitems:\n-\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: a}\nkind: List\n";

        var result = new ManifestLoader(Small).LoadString(yaml, "e.yaml");

        Assert.Equal("a", Assert.Single(result.Objects).Name);
        var d = result.Single(LoadDiagnosticCodes.NotAMapping);
        Assert.Equal(3, d.Location.Line);
    }

    [Fact]
    public void Aliases_across_items_read_whole_within_the_limit_and_are_explained_past_it()
    {
        const string shared = "- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n  data: &shared {k: v}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: b}\n  data: *shared\n";
        var small = "apiVersion: v1\nitems:\n" + shared + "kind: List\n";

        var whole = new ManifestLoader(Small).LoadString(small, "a.yaml");

        Assert.Empty(whole.Diagnostics);
        Assert.Equal("v", whole.Objects[1].GetString("data.k"));

        var list = new YamlListWriter("List");
        list.Raw(shared.TrimEnd('\n'));
        for (var i = 0; i < 100; i++) list.ConfigMap($"cm-{i}", new string('y', 1000));

        var streamed = new ManifestLoader(Small).LoadString(list.Finish(), "a.yaml");

        var d = streamed.Single(LoadDiagnosticCodes.InvalidSyntax);
        Assert.Equal(list.Lines[0] + 7, d.Location.Line);
        Assert.Contains("alias *shared refers to no anchor", d.Message, StringComparison.Ordinal);
        Assert.EndsWith("in its item; a List past the document limit is read item by item, so an alias cannot refer to an anchor in another item; item skipped", d.Message, StringComparison.Ordinal);
        Assert.Equal(101, streamed.Objects.Count);
    }

    [Fact]
    public void Items_held_back_for_a_possible_anchor_load_once_the_list_passes_the_limit()
    {
        var list = new YamlListWriter("List");
        list.Raw("- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: own}\n  data: {a: &v shared, b: *v}");
        for (var i = 0; i < 100; i++) list.ConfigMap($"cm-{i}", new string('y', 1000));

        var result = new ManifestLoader(Small).LoadString(list.Finish(), "h.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(101, result.Objects.Count);
        Assert.Equal("shared", result.Objects[0].GetString("data.b"));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"cm-{i}"), result.Objects.Skip(1).Select(o => o.Name));
        Assert.Equal(list.Lines[100], result.Objects[^1].Location.Line);
    }

    [Fact]
    public void Items_keep_the_helm_source_of_their_list()
    {
        var list = new YamlListWriter("List", before: "# Source: chart/templates/all.yaml\n");
        for (var i = 0; i < 100; i++) list.ConfigMap($"cm-{i}", new string('y', 1000));

        var result = new ManifestLoader(Small).LoadString(list.Finish(), "s.yaml");

        Assert.Equal(100, result.Objects.Count);
        Assert.All(result.Objects, o => Assert.Equal("chart/templates/all.yaml", o.HelmSource));
    }

    [Fact]
    public void A_list_past_the_limit_whose_own_keys_do_not_parse_is_skipped_whole()
    {
        var list = new YamlListWriter("List");
        for (var i = 0; i < 100; i++) list.ConfigMap($"cm-{i}", new string('y', 1000));
        var text = list.Finish() + "status: [unclosed\n";

        var result = new ManifestLoader(Small).LoadString(text, "k.yaml");

        Assert.Empty(result.Objects);
        Assert.Contains(result.Diagnostics, d => d.Code == LoadDiagnosticCodes.LimitExceeded && d.Location.Line == 1 && d.Message.Contains("document is larger", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stream_read_in_small_pieces_cuts_the_same_items()
    {
        var list = new YamlListWriter("List");
        for (var i = 0; i < 30; i++) list.ConfigMap($"cm-{i}", i == 12 ? new string('z', 400) : "a");
        var bytes = Encoding.UTF8.GetBytes(list.Finish());
        var options = Small with { MaxDocumentBytes = 300 };

        var whole = new ManifestLoader(options).LoadStream(new MemoryStream(bytes), "t.yaml");
        var trickled = new ManifestLoader(options).LoadStream(new TrickleStream(bytes), "t.yaml");

        foreach (var result in new[] { whole, trickled })
        {
            var d = result.Single(LoadDiagnosticCodes.LimitExceeded);
            Assert.Equal(list.Lines[12], d.Location.Line);
            Assert.Equal(29, result.Objects.Count);
        }

        Assert.Equal(whole.Objects.Select(o => (o.Name, o.Location)), trickled.Objects.Select(o => (o.Name, o.Location)));
    }

    [Fact]
    public void The_file_limit_keeps_the_items_before_the_cut()
    {
        var list = new YamlListWriter("List");
        for (var i = 0; i < 100; i++) list.ConfigMap($"cm-{i}", new string('y', 1000));

        var result = new ManifestLoader(Small with { MaxFileBytes = 80_000 }).LoadString(list.Finish(), "l.yaml");

        var d = result.Single(LoadDiagnosticCodes.LimitExceeded);
        Assert.Contains("80,000-byte limit (LoaderOptions.MaxFileBytes)", d.Message, StringComparison.Ordinal);
        Assert.Equal(list.Lines[result.Objects.Count], d.Location.Line);
        Assert.InRange(result.Objects.Count, 50, 79);
        Assert.Equal(Enumerable.Range(0, result.Objects.Count).Select(i => $"cm-{i}"), result.Objects.Select(o => o.Name));
    }

    [Fact]
    public void Standard_input_cuts_a_yaml_list_like_a_file()
    {
        var list = new YamlListWriter("List");
        for (var i = 0; i < 100; i++) list.ConfigMap($"cm-{i}", new string('y', 1000));
        var bytes = Encoding.UTF8.GetBytes(list.Finish());

        var result = new ManifestLoader(Small).LoadStream(new MemoryStream(bytes), ManifestLoader.StandardInput);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(100, result.Objects.Count);
        Assert.Equal(new SourceSpan("-", list.Lines[73], 3), result.Objects[73].Location);
        Assert.Equal(bytes.Length, result.BytesRead);
    }

    [Fact]
    public void A_top_level_json_array_past_the_limit_is_streamed_from_a_file_and_from_standard_input()
    {
        var text = new StringBuilder("[\n");
        for (var i = 0; i < 100; i++)
        {
            if (i > 0) text.Append(",\n");
            text.Append(i == 7 ? "\"not an object\"" : $"{{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {{\"name\": \"cm-{i}\"}}, \"data\": {{\"p\": \"{new string('y', 1000)}\"}}}}");
        }

        text.Append("\n]\n");

        foreach (var result in new[]
        {
            new ManifestLoader(Small).LoadString(text.ToString(), "a.json"),
            new ManifestLoader(Small).LoadStream(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), ManifestLoader.StandardInput),
        })
        {
            var d = result.Single(LoadDiagnosticCodes.NotAMapping);
            Assert.Equal(9, d.Location.Line);
            Assert.Contains("an item of the array is not an object", d.Message, StringComparison.Ordinal);
            Assert.Equal(99, result.Objects.Count);
            Assert.Equal(55, result.Objects[52].Location.Line);
            Assert.Equal("cm-53", result.Objects[52].Name);
        }
    }

    [Fact]
    public void A_large_json_array_of_non_objects_is_still_skipped_whole()
    {
        var text = "[" + string.Join(",\n", Enumerable.Range(0, 20_000).Select(i => $"{{\"n\": {i}}}")) + "]";

        var result = new ManifestLoader(Small).LoadString(text, "a.json");

        Assert.Empty(result.Objects);
        Assert.Contains("65,536-byte document limit", result.Single(LoadDiagnosticCodes.LimitExceeded).Message, StringComparison.Ordinal);
    }

    /// <summary>A stream that hands out at most 7 bytes per read, so lines straddle every read.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 7));
    }

    /// <summary>Writes a List as kubectl does (keys sorted: items before kind) and records the line of each item's first key.</summary>
    private sealed class YamlListWriter
    {
        private readonly StringBuilder _text = new();
        private readonly string _kind;
        private readonly bool _kindFirst;
        private readonly string _indent;
        private readonly bool _keyOnNextLine;
        private int _line;

        public YamlListWriter(string kind, int indent = 0, bool kindFirst = false, bool keyOnNextLine = false, string before = "")
        {
            _kind = kind;
            _kindFirst = kindFirst;
            _indent = new string(' ', indent);
            _keyOnNextLine = keyOnNextLine;
            _text.Append(before).Append("apiVersion: v1\n");
            if (kindFirst) _text.Append($"kind: {kind}\n");
            _text.Append("items:\n");
            _line = _text.ToString().Count(c => c == '\n') + 1;
        }

        public List<int> Lines { get; } = [];

        public void ConfigMap(string name, string payload)
        {
            var first = _keyOnNextLine ? "-\n  apiVersion: v1" : "- apiVersion: v1";
            Raw($"{first}\n  data:\n    payload: {payload}\n  kind: ConfigMap\n  metadata:\n    name: {name}\n    namespace: ns");
            if (_keyOnNextLine) Lines[^1]++;
        }

        /// <summary>An item written at the items' indent: its lines, the first starting with '-'.</summary>
        public void Raw(string item)
        {
            Lines.Add(_line);
            foreach (var line in item.Split('\n'))
            {
                _text.Append(_indent).Append(line).Append('\n');
                _line++;
            }
        }

        public string Finish()
        {
            if (!_kindFirst) _text.Append($"kind: {_kind}\n");
            _text.Append("metadata:\n  resourceVersion: \"\"\n");
            return _text.ToString();
        }
    }
}
