using System.Text;
using K8sLandscape.Loading;
using static K8sLandscape.Core.Tests.Loading.HostileInput;

namespace K8sLandscape.Core.Tests.Loading;

/// <summary>
/// Inputs on which a parser library throws something other than its documented syntax error, or
/// which pass one format's limits unnoticed: each is a located diagnostic and the neighbours load.
/// </summary>
public sealed class ParserFailureTests : IDisposable
{
    private const string Good = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static ManifestLoader Loader(LoaderOptions? options = null) => new((options ?? LoaderOptions.Default) with { MaxParallelism = 1 });

    [Theory]
    [InlineData("a: [\nb: c\n")]
    [InlineData("a: {\nb: c\n")]
    public void An_unclosed_flow_collection_before_the_next_key_is_KL0002_for_its_document(string bad)
    {
        // YamlDotNet throws InvalidOperationException here, not its YamlException.
        var result = Load(Around(bad));

        var d = result.SingleDiagnostic(LoadDiagnosticCodes.InvalidSyntax, BadDocumentLine);
        Assert.Contains("invalid YAML", d.Message, StringComparison.Ordinal);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void An_unclosed_flow_collection_inside_a_manifest_is_KL0002_at_the_manifest()
    {
        var result = Load(Around("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\ndata: {\nk: v\n"));

        Assert.Equal(LoadDiagnosticCodes.InvalidSyntax, Assert.Single(result.Diagnostics).Code);
        Assert.InRange(result.Diagnostics[0].Location.Line, BadDocumentLine, BadDocumentLine + 5);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void Toml_nested_64_deep_loads_and_its_neighbours_too()
    {
        // Tomlyn's own limit is 64 levels and it throws past it; the loader's MaxDepth (200) applies instead.
        _temp.File("config.toml", "a = " + new string('[', 64) + "1" + new string(']', 64) + "\n");
        _temp.File("good.yaml", Good);

        var result = Loader().Load(_temp.Path);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["config.toml", "good"], result.Objects.Select(o => o.Name));
    }

    [Theory]
    [InlineData("config.toml")]
    [InlineData("crio.conf.d/10-deep.conf")]
    public void Toml_nested_past_the_depth_limit_is_KL0009_for_that_file(string name)
    {
        var bad = _temp.File(name, "[crio]\nk = 1\na = " + new string('[', 300) + "1" + new string(']', 300) + "\n");
        _temp.File("good.yaml", Good);

        var result = Loader().Load(_temp.Path);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((LoadDiagnosticCodes.LimitExceeded, bad), (d.Code, d.Location.Path));
        Assert.Contains("MaxDepth", d.Message, StringComparison.Ordinal);
        Assert.Equal("good", Assert.Single(result.Objects).Name);
    }

    [Fact]
    public void A_toml_table_header_of_512_dotted_parts_is_KL0009_at_its_line()
    {
        var header = string.Join(".", Enumerable.Repeat("a", 512));
        var bad = _temp.File("config.toml", $"version = 2\n\n[{header}]\nk = 1\n");
        _temp.File("good.yaml", Good);

        var result = Loader().Load(_temp.Path);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((LoadDiagnosticCodes.LimitExceeded, bad, 3), (d.Code, d.Location.Path, d.Location.Line));
        Assert.Equal("good", Assert.Single(result.Objects).Name);
    }

    [Fact]
    public void A_toml_key_of_512_dotted_parts_is_KL0009()
    {
        var key = string.Join(".", Enumerable.Repeat("a", 512));
        _temp.File("config.toml", $"version = 2\n{key} = 1\n");
        _temp.File("good.yaml", Good);

        var result = Loader().Load(_temp.Path);

        Assert.Equal((LoadDiagnosticCodes.LimitExceeded, 2), (Assert.Single(result.Diagnostics).Code, result.Diagnostics[0].Location.Line));
        Assert.Equal("good", Assert.Single(result.Objects).Name);
    }

    [Fact]
    public void A_toml_file_past_the_node_limit_is_KL0009_and_one_within_it_loads()
    {
        var toml = string.Concat(Enumerable.Range(0, 50).Select(i => $"k{i} = {i}\n"));
        _temp.File("big.toml", toml);
        _temp.File("good.yaml", Good);

        var small = Loader(new LoaderOptions { MaxNodesPerDocument = 40 }).Load(_temp.Path);
        var large = Loader(new LoaderOptions { MaxNodesPerDocument = 100 }).Load(_temp.Path);

        Assert.Equal(LoadDiagnosticCodes.LimitExceeded, Assert.Single(small.Diagnostics).Code);
        Assert.Equal(["good"], small.Objects.Select(o => o.Name));
        Assert.Empty(large.Diagnostics);
        Assert.Equal(["big.toml", "good"], large.Objects.Select(o => o.Name));
    }

    [Fact]
    public void A_depth_limit_above_what_a_json_body_holds_still_stops_at_512_levels()
    {
        var deep = "k: " + new string('[', 600) + new string(']', 600) + "\n";

        var result = Load(Around(deep), new LoaderOptions { MaxDepth = 100_000 });

        Assert.Contains("512", result.SingleDiagnostic(LoadDiagnosticCodes.LimitExceeded, BadDocumentLine).Message, StringComparison.Ordinal);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void A_nul_byte_in_the_first_document_skips_only_that_document()
    {
        // Within the first 8 KiB, which used to reject the whole file.
        var bytes = Around("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nul\ndata:\n  k: a\0b\n"u8.ToArray());

        var result = Load(bytes);

        result.SingleDiagnostic(LoadDiagnosticCodes.InvalidEncoding, BadDocumentLine + 5);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void A_nul_byte_on_the_first_line_skips_only_the_first_document()
    {
        var bytes = Encoding.UTF8.GetBytes("apiVersion: v1\0\nkind: ConfigMap\nmetadata:\n  name: first\n" + After);

        var result = Load(bytes);

        result.SingleDiagnostic(LoadDiagnosticCodes.InvalidEncoding, 1);
        Assert.Equal("after", Assert.Single(result.Objects).Name);
    }

    [Fact]
    public void A_marker_with_a_17_MiB_comment_keeps_the_document_before_it_and_is_reported_at_its_line()
    {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: before\n--- # " + new string('x', 17 << 20)
            + "\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: after\n";

        var result = Load(text);

        var d = result.SingleDiagnostic(LoadDiagnosticCodes.LimitExceeded, 5);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(["before", "after"], result.Objects.Select(o => o.Name));
        Assert.Equal([1, 6], result.Objects.Select(o => o.Location.Line));
    }

    [Fact]
    public void A_marker_with_a_17_MiB_document_on_its_line_keeps_the_document_before_it()
    {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: before\n--- {k: '" + new string('x', 17 << 20)
            + "'}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: after\n";

        var result = Load(text);

        var d = result.SingleDiagnostic(LoadDiagnosticCodes.LimitExceeded, 5);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(["before", "after"], result.Objects.Select(o => o.Name));
        Assert.Equal([1, 7], result.Objects.Select(o => o.Location.Line));
    }
}
