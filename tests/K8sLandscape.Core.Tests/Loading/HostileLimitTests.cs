using System.Text;
using K8sLandscape.Loading;
using static K8sLandscape.Core.Tests.Loading.HostileInput;

namespace K8sLandscape.Core.Tests.Loading;

/// <summary>Inputs built to exhaust memory, time or stack: each stops at a limit with KL0009.</summary>
public class HostileLimitTests
{
    [Fact]
    public void Billion_laughs_alias_bomb_is_KL0009_with_the_default_limits()
    {
        var bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n");
        bomb.Append("  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        var previous = 'a';
        for (var c = 'b'; c <= 'i'; c++)
        {
            bomb.Append($"  {c}: &{c} [{string.Join(",", Enumerable.Repeat("*" + previous, 9))}]\n");
            previous = c;
        }

        var result = Load(Around(bomb.ToString()));

        // Level g (line 17) is the first to pass 2,000,000 nodes: 9^7 = 4,782,969.
        result.SingleDiagnostic(LoadDiagnosticCodes.LimitExceeded, 17);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void Hundred_thousand_nested_flow_sequences_are_KL0009_without_stack_overflow()
    {
        var result = Load(Around("x: " + new string('[', 100_000) + new string(']', 100_000) + "\n"));

        result.SingleDiagnostic(LoadDiagnosticCodes.LimitExceeded, BadDocumentLine);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void Brackets_in_block_scalars_quotes_and_plain_scalars_are_not_nesting()
    {
        var many = new string('[', 500);
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: brackets\ndata:\n"
            + "  block: |\n    " + many + "\n    {" + many + "\n"
            + "  quoted: \"" + many + "\"\n"
            + "  single: '" + many + "'\n"
            + "  plain: a" + many + "\n"
            + "  flow: [\"" + many + "\", '" + many + "']\n";

        var result = Load(Around(yaml));

        Assert.Empty(result.Diagnostics);
        result.AssertNeighboursLoaded("brackets");
        Assert.Equal(many, result.Objects[1].GetString("data.plain")![1..]);
    }

    [Fact]
    public void Hundred_thousand_unclosed_flow_sequences_are_one_KL0009_not_also_a_syntax_error()
    {
        var result = Load(Around("x: " + new string('[', 100_000) + "\n"));

        result.SingleDiagnostic(LoadDiagnosticCodes.LimitExceeded, BadDocumentLine);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void Deeply_nested_block_mappings_are_KL0009_at_the_first_level_past_the_limit()
    {
        var deep = new StringBuilder();
        for (var i = 0; i < 1_000; i++) deep.Append(' ', i).Append('k').Append(i).Append(":\n");

        var result = Load(Around(deep.ToString()));

        // Line 6 opens the root mapping (depth 1); the mapping opened on line 6 + 200 is depth 201.
        result.SingleDiagnostic(LoadDiagnosticCodes.LimitExceeded, BadDocumentLine + LoaderOptions.Default.MaxDepth);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void Hundred_thousand_nested_json_arrays_are_KL0009_and_earlier_values_survive()
    {
        var json = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"before\"}}\n"
            + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var result = LoaderTestExtensions.Load(json, "deep.json");

        result.SingleDiagnostic(LoadDiagnosticCodes.LimitExceeded, 2);
        Assert.Equal("before", Assert.Single(result.Objects).Name);
    }

    [Fact]
    public void A_document_over_MaxDocumentBytes_is_KL0009_and_skipped()
    {
        var options = new LoaderOptions { MaxDocumentBytes = 200 };
        var big = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"  key{i}: value-{i}\n"));

        var result = Load(Around(big), options);

        // A document starts at its '---' marker line.
        result.SingleDiagnostic(LoadDiagnosticCodes.LimitExceeded, BadDocumentLine - 1);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void A_single_line_document_over_MaxDocumentBytes_is_KL0009_without_buffering_the_line()
    {
        var options = new LoaderOptions { MaxDocumentBytes = 1_000 };
        var line = "{apiVersion: v1, kind: ConfigMap, metadata: {name: huge}, data: {k: \"" + new string('x', 300_000) + "\"}}\n";

        var result = Load(Around(line), options);

        result.SingleDiagnostic(LoadDiagnosticCodes.LimitExceeded, BadDocumentLine - 1);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void A_long_marker_line_after_an_oversized_document_still_starts_the_next_document()
    {
        var options = new LoaderOptions { MaxDocumentBytes = 1_000 };
        var big = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  k: \"" + new string('x', 5_000) + "\"\n";
        var text = Before + big + "--- # " + new string('c', 100_000) + "\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: after\n";

        var result = Load(text, options);

        result.SingleDiagnostic(LoadDiagnosticCodes.LimitExceeded, 5);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void A_file_over_MaxFileBytes_is_KL0009_and_the_documents_before_the_cut_load()
    {
        var text = Around("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: middle\n");
        var cut = text.IndexOf("name: after", StringComparison.Ordinal);
        var options = new LoaderOptions { MaxFileBytes = cut };

        var result = Load(text, options);

        // 'after' (from line 10) was cut short: a prefix of a mapping must not pass as the whole.
        result.SingleDiagnostic(LoadDiagnosticCodes.LimitExceeded, 10);
        Assert.Equal(["before", "middle"], result.Objects.Select(o => o.Name));
    }

    [Fact]
    public void A_json_file_over_the_size_limits_is_KL0009()
    {
        var options = new LoaderOptions { MaxFileBytes = 100 };
        var json = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"" + new string('n', 200) + "\"}}";

        var result = Load(json, options, "big.json");

        result.SingleDiagnostic(LoadDiagnosticCodes.LimitExceeded, 1);
        Assert.Empty(result.Objects);
    }

    [Fact]
    public void Too_many_nodes_without_aliases_is_KL0009()
    {
        var options = new LoaderOptions { MaxNodesPerDocument = 50 };
        var wide = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: wide\ndata:\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"  k{i}: v\n"));

        var result = Load(Around(wide), options);

        Assert.Equal(LoadDiagnosticCodes.LimitExceeded, Assert.Single(result.Diagnostics).Code);
        result.AssertNeighboursLoaded();
    }
}
