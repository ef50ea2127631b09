namespace K8sLandscape.Analyzers.Fleet;

/// <summary>
/// Writes a comparison as Markdown for the pull request that promotes a change from one cluster to
/// another: a summary line, one table row per difference, then the findings only one side has.
/// </summary>
public static class CompareMarkdownWriter
{
    /// <summary>Writes <paramref name="c"/> to <paramref name="o"/>.</summary>
    public static void Write(LandscapeComparison c, TextWriter o)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(o);
        o.WriteLine($"## Landscape comparison: {Cell(c.A.Name)} (A) and {Cell(c.B.Name)} (B)");
        o.WriteLine();
        o.WriteLine($"{c.Differences.Count} extension point(s) differ, **{c.MustMatchViolations.Count} must match**; {c.SamePoints} the same. Findings only in A: {c.FindingsOnlyA.Count}, only in B: {c.FindingsOnlyB.Count}.");
        if (c.Differences.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("| area | extension point | must match | A | B |");
            o.WriteLine("|---|---|---|---|---|");
            foreach (var d in c.Differences)
            {
                var a = d.OnlyA.Select(i => i.Display).Concat(d.Changed.Select(ch => Change(ch, a: true)));
                var b = d.OnlyB.Select(i => i.Display).Concat(d.Changed.Select(ch => Change(ch, a: false)));
                o.WriteLine($"| {d.Area} | `{d.Name}` | {(d.MustMatch ? "**yes**" : "no")} | {Cell(string.Join("<br>", a))} | {Cell(string.Join("<br>", b))} |");
            }
        }

        Findings(o, "Findings only in A", c.FindingsOnlyA);
        Findings(o, "Findings only in B", c.FindingsOnlyB);
    }

    private static string Change(ImplementationChange ch, bool a)
    {
        var versions = a ? ch.VersionsA : ch.VersionsB;
        var settings = ch.Settings.Select(s => $"{s.Key}={FleetFormats.Value(a ? s.A : s.B)}");
        return string.Join("<br>", new[] { $"{ch.Id} {FleetFormats.Versions(versions)}" }.Concat(settings));
    }

    private static void Findings(TextWriter o, string title, IReadOnlyList<SummaryFinding> findings)
    {
        if (findings.Count == 0) return;
        o.WriteLine();
        o.WriteLine($"### {title}");
        o.WriteLine();
        foreach (var f in findings) o.WriteLine($"- **{f.RuleId}** {f.Severity}: {Cell(f.Message)}{(f.Subject is null ? string.Empty : " (`" + f.Subject + "`)")}");
    }

    /// <summary>Text safe inside a Markdown table cell.</summary>
    internal static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
