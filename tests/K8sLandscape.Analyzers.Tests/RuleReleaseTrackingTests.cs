using K8sLandscape.Loading;
using K8sLandscape.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace K8sLandscape.Analyzers.Tests;

/// <summary>
/// Rule releases are tracked as Roslyn analyzers track theirs (AnalyzerReleases.Shipped.md and
/// Unshipped.md): every rule is introduced once, its latest category and severity there are the
/// descriptor's, and a removed id is recorded as removed and never comes back.
/// </summary>
public class RuleReleaseTrackingTests
{
    private static readonly string[] Files =
    [
        "src/K8sLandscape.Analyzers/AnalyzerReleases.Shipped.md",
        "src/K8sLandscape.Analyzers/AnalyzerReleases.Unshipped.md",
    ];

    private static IReadOnlyList<RuleDescriptor> Registered()
    {
        using var sp = new ServiceCollection().AddK8sLandscape().Services.BuildServiceProvider();
        return sp.GetRequiredService<AnalyzerEngine>().Rules;
    }

    [Fact]
    public void Every_rule_is_tracked_once_with_its_current_category_and_severity()
    {
        var entries = Entries();
        var problems = new List<string>();
        foreach (var rule in Registered())
        {
            var added = entries.Where(e => e.Section == "New Rules" && e.Id == rule.Id).ToArray();
            if (added.Length != 1)
            {
                problems.Add($"{rule.Id}: introduced {added.Length} times");
                continue;
            }

            var latest = entries.LastOrDefault(e => e.Id == rule.Id && e.Section == "Changed Rules") ?? added[0];
            var severity = SeverityText.Format(rule.DefaultSeverity);
            if (!string.Equals(latest.Category, rule.Category.Name, StringComparison.Ordinal) || !string.Equals(latest.Severity, severity, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{rule.Id}: tracked as {latest.Category}/{latest.Severity}, descriptor says {rule.Category.Name}/{severity}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Removed_rules_are_recorded_as_removed_and_not_registered()
    {
        var removed = Entries().Where(e => e.Section == "Removed Rules").Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(RemovedRule.All.Select(r => r.Id).Order(StringComparer.Ordinal), removed.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(Registered(), r => removed.Contains(r.Id));
    }

    [Fact]
    public void The_parser_reads_sections_and_rows()
    {
        // Guards the two tests above: an unread file would make them pass vacuously.
        var entries = Entries();
        Assert.Contains(entries, e => e.Section == "New Rules" && e.Id == "KL3001");
        Assert.Contains(entries, e => e.Section == "Removed Rules" && e.Id == "KL0092");
    }

    private sealed record Entry(string Section, string Id, string Category, string Severity);

    private static List<Entry> Entries()
    {
        var result = new List<Entry>();
        foreach (var file in Files)
        {
            var section = string.Empty;
            foreach (var line in File.ReadAllLines(Corpus.InRepository(file)))
            {
                if (line.StartsWith("### ", StringComparison.Ordinal)) section = line[4..].Trim();
                if (!line.StartsWith("KL", StringComparison.Ordinal)) continue;
                var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                result.Add(new Entry(section, cells[0], cells[1], cells[2]));
            }
        }

        return result;
    }
}
