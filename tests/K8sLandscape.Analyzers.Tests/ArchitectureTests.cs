using System.Text.RegularExpressions;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Analyzers.Tests;

/// <summary>
/// Rules read the typed landscape; reading object bodies is the discovery layer's job. A rule that
/// needs a field the model lacks is a missing piece of the model, so this test names every file
/// under <c>Rules/</c> that reaches into raw JSON.
/// </summary>
public partial class ArchitectureTests
{
    // Files allowed to read raw JSON, each with the reason. Keep this empty unless a reason holds.
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
    };

    [Fact]
    public void No_rule_reads_raw_JSON()
    {
        var rules = Corpus.InRepository("src/K8sLandscape.Analyzers/Rules");
        var offenders = Directory.EnumerateFiles(rules, "*.cs", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(rules, f).Replace('\\', '/'), Text: File.ReadAllText(f)))
            .Where(f => !Exceptions.ContainsKey(f.Relative))
            .SelectMany(f => RawJson().Matches(f.Text).Select(m => $"{f.Relative}: {m.Value}"))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.True(offenders.Length == 0, "rules reading raw JSON (give the area a typed surface instead):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_raw_JSON_pattern_catches_what_it_must()
    {
        // The guard above is only as good as its pattern.
        Assert.Matches(RawJson(), "using System.Text.Json;");
        Assert.Matches(RawJson(), "o.Body.TryGetProperty(\"x\", out var v)");
        Assert.Matches(RawJson(), "o.GetString(\"spec.controller\")");
        Assert.Matches(RawJson(), "JsonFields.Str(e, \"name\")");
        Assert.DoesNotMatch(RawJson(), "o.LocationOf(\"spec.accessModes\")");
    }

    [GeneratedRegex(@"System\.Text\.Json|\.Body\b|\bJsonFields\b|\bJsonElement\b|\.Json\.Span|\.GetString\(|\.TryGet\(|\bParseBody\(")]
    private static partial Regex RawJson();
}
