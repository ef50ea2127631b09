using K8sLandscape.TestSupport;

namespace K8sLandscape.Analyzers.Tests;

/// <summary>The "Write your own rule" guide shows the consumer test's code; this keeps the two identical.</summary>
public class WritingRulesDocTests
{
    [Theory]
    [InlineData("NoTeamLabelRule.cs")]
    [InlineData("CustomRuleTests.cs")]
    public void The_guide_quotes_the_consumer_test_file_verbatim(string file)
    {
        var doc = File.ReadAllText(Corpus.InRepository("docs/writing-rules.md")).ReplaceLineEndings("\n");
        var source = File.ReadAllText(Corpus.InRepository("tests/K8sLandscape.Consumer.Tests/" + file)).ReplaceLineEndings("\n");
        var marker = $"<!-- file: tests/K8sLandscape.Consumer.Tests/{file} -->\n```csharp\n";

        var start = doc.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/writing-rules.md has no block marked '{marker.Trim()}'");
        start += marker.Length;
        var end = doc.IndexOf("```\n", start, StringComparison.Ordinal);

        Assert.Equal(source, doc[start..end]);
    }
}
