using System.Text.RegularExpressions;

namespace K8sLandscape.Analyzers.Tests.Verification;

/// <summary>
/// One fixture under <c>Fixtures/&lt;Area&gt;/</c>: a file or folder named
/// <c>&lt;rule id&gt;.fires[.what].&lt;ext&gt;</c> (at least one marker of the rule) or
/// <c>&lt;rule id&gt;.quiet[.what].&lt;ext&gt;</c> (no marker of the rule, so the rule must stay silent).
/// </summary>
internal sealed partial record FixtureCase(string Relative, string RuleId, bool Fires)
{
    /// <summary>Every fixture file and folder, by relative path (README.md aside); null rule id when the name does not follow the pattern.</summary>
    public static IReadOnlyList<(string Relative, FixtureCase? Case)> All() =>
        Directory.EnumerateDirectories(RuleInput.FixturesFolder)
            .SelectMany(area => Directory.EnumerateFileSystemEntries(area))
            .Select(e => Path.GetRelativePath(RuleInput.FixturesFolder, e).Replace('\\', '/'))
            .OrderBy(r => r, StringComparer.Ordinal)
            .Select(r => (r, Parse(r)))
            .ToList();

    /// <summary>The case a relative path names, or null when its name does not follow the pattern.</summary>
    public static FixtureCase? Parse(string relative)
    {
        var m = Name().Match(Path.GetFileName(relative));
        return m.Success ? new FixtureCase(relative, m.Groups["id"].Value, m.Groups["kind"].Value == "fires") : null;
    }

    public override string ToString() => Relative;

    [GeneratedRegex(@"^(?<id>KL[0-9]{4})\.(?<kind>fires|quiet)(?:\.[A-Za-z0-9_.-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
