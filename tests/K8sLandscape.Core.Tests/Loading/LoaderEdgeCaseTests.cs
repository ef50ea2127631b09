using K8sLandscape.Loading;

namespace K8sLandscape.Core.Tests.Loading;

/// <summary>Valid but unusual input that a line-based splitter or a tree builder can get wrong.</summary>
public class LoaderEdgeCaseTests
{
    [Fact]
    public void Merge_keys_merge_and_explicit_keys_win()
    {
        const string yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: merged
              labels: &common
                app: web
                tier: front
            data:
              <<: [*common, {extra: "1", app: overridden-by-first}]
              tier: explicit
            """;
        var result = LoaderTestExtensions.Load(yaml);

        Assert.Empty(result.Diagnostics);
        var o = Assert.Single(result.Objects);
        Assert.Equal("web", o.GetString("data.app")); // the first mapping of the list wins
        Assert.Equal("explicit", o.GetString("data.tier"));
        Assert.Equal("1", o.GetString("data.extra"));
    }

    [Fact]
    public void A_quoted_double_angle_key_is_an_ordinary_key()
    {
        var o = Assert.Single(LoaderTestExtensions.Load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: q}\ndata:\n  \"<<\": literal\n").Objects);

        Assert.Equal("literal", o.GetString("data[<<]"));
    }

    [Fact]
    public void Document_end_markers_end_documents_with_or_without_a_following_start_marker()
    {
        const string yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n...\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n...\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n...\n";
        var result = LoaderTestExtensions.Load(yaml);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["a", "b", "c"], result.Objects.Select(o => o.Name));
        Assert.Equal([1, 6, 12], result.Objects.Select(o => o.Location.Line));
    }

    [Fact]
    public void The_last_line_without_a_newline_is_read()
    {
        var result = LoaderTestExtensions.Load("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: last");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["a", "last"], result.Objects.Select(o => o.Name));
    }

    [Fact]
    public void A_flow_document_on_its_marker_line_is_read()
    {
        var result = LoaderTestExtensions.Load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n--- {apiVersion: v1, kind: ConfigMap, metadata: {name: inline}}\n");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["a", "inline"], result.Objects.Select(o => o.Name));
        Assert.Equal(4, result.Objects[1].Location.Line);
    }

    [Fact]
    public void Markers_inside_block_scalars_are_not_document_boundaries_when_indented()
    {
        const string yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: script\ndata:\n  a.sh: |\n    ---\n    ...\n    echo\n";
        var o = Assert.Single(LoaderTestExtensions.Load(yaml).Objects);

        Assert.Equal("---\n...\necho\n", o.GetString("data[a.sh]"));
    }

    [Fact]
    public void A_broken_json_array_keeps_the_items_completed_before_the_error()
    {
        const string json = "[\n{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\"}},\n{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"b\"}},\n{\"apiVersion\": oops}\n]\n";
        var result = LoaderTestExtensions.Load(json, "broken.json");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((LoadDiagnosticCodes.InvalidSyntax, 4), (d.Code, d.Location.Line));
        Assert.Equal(["a", "b"], result.Objects.Select(o => o.Name));
    }

    [Fact]
    public void A_broken_kind_List_in_json_keeps_the_items_completed_before_the_error()
    {
        const string json = "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [\n{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\"}},\n{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"b\"}},\n{\"apiVersion\": oops}\n]}\n";
        var result = LoaderTestExtensions.Load(json, "broken-list.json");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((LoadDiagnosticCodes.InvalidSyntax, 4), (d.Code, d.Location.Line));
        Assert.Equal(["a", "b"], result.Objects.Select(o => o.Name));
    }

    [Fact]
    public void Yaml_1_1_scalars_are_read_as_kubectl_reads_them()
    {
        const string yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: scalars}
            data:
              yes: on
              octal: 0755
              quoted: "0755"
              version: 1.10
              nothing: ~
            """;
        var o = Assert.Single(LoaderTestExtensions.Load(yaml).Objects);

        Assert.True(o.TryGet("data.yes", out var on));
        Assert.Equal(System.Text.Json.JsonValueKind.True, on.ValueKind);
        Assert.True(o.TryGet("data.octal", out var octal));
        Assert.Equal(493, octal.GetInt32());
        Assert.Equal("0755", o.GetString("data.quoted"));
        Assert.True(o.TryGet("data.version", out var version));
        Assert.Equal(1.1, version.GetDouble());
        Assert.True(o.TryGet("data.nothing", out var nothing));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, nothing.ValueKind);
    }
}
