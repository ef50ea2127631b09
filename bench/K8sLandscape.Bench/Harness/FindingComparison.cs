using System.Text.Json;
using System.Text.RegularExpressions;

namespace K8sLandscape.Bench.Harness;

/// <summary>
/// Whether two analyze JSON reports of the same cluster in different forms (YAML dump, YAML List,
/// JSON List, standard input) hold the same findings: rule and message, with every file:line in
/// the message replaced, since the forms put the same object on different lines.
/// </summary>
internal static partial class FindingComparison
{
    public static int Run(string first, string second)
    {
        var (a, b) = (Read(first), Read(second));
        var onlyFirst = a.Except(b).ToList();
        var onlySecond = b.Except(a).ToList();
        Console.WriteLine(FormattableString.Invariant($"{a.Count:N0} and {b.Count:N0} findings; {(onlyFirst.Count + onlySecond.Count == 0 ? "the same" : "different")}"));
        foreach (var f in onlyFirst.Take(5)) Console.WriteLine("  only in the first:  " + f);
        foreach (var f in onlySecond.Take(5)) Console.WriteLine("  only in the second: " + f);
        return onlyFirst.Count + onlySecond.Count == 0 ? 0 : 1;
    }

    private static List<string> Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("ruleId").GetString() + " " + Location().Replace(f.GetProperty("message").GetString() ?? string.Empty, "@"))
            .ToList();
        // A multiset: tag repeats so that Except compares counts too.
        return findings.GroupBy(f => f, StringComparer.Ordinal).SelectMany(g => g.Select((f, i) => f + " #" + i)).ToList();
    }

    [GeneratedRegex(@"[^\s(]+:\d+")]
    private static partial Regex Location();
}
