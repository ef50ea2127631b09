using static System.Net.WebUtility;

namespace K8sLandscape.Analyzers.Fleet;

/// <summary>Writes a comparison as one self-contained HTML page: a table of differences, must-match rows marked.</summary>
public static class CompareHtmlWriter
{
    /// <summary>Writes <paramref name="c"/> to <paramref name="o"/>.</summary>
    public static void Write(LandscapeComparison c, TextWriter o)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(o);
        o.WriteLine("<!DOCTYPE html>");
        o.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        o.WriteLine($"<title>k8s-landscape compare: {HtmlEncode(c.A.Name)} and {HtmlEncode(c.B.Name)}</title>");
        o.WriteLine("<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;vertical-align:top;text-align:left}tr.must{background:#fde2e1}.muted{color:#777}</style>");
        o.WriteLine("</head><body>");
        o.WriteLine($"<h1>{HtmlEncode(c.A.Name)} (A) and {HtmlEncode(c.B.Name)} (B)</h1>");
        o.WriteLine($"<p>A: {HtmlEncode(c.A.Source)}, {c.A.ObjectCount} object(s). B: {HtmlEncode(c.B.Source)}, {c.B.ObjectCount} object(s).</p>");
        o.WriteLine($"<p>{c.Differences.Count} extension point(s) differ, <strong>{c.MustMatchViolations.Count} must match</strong>; {c.SamePoints} the same. Findings only in A: {c.FindingsOnlyA.Count}, only in B: {c.FindingsOnlyB.Count}.</p>");
        if (c.Differences.Count > 0)
        {
            o.WriteLine("<table><thead><tr><th>area</th><th>extension point</th><th>must match</th><th>A</th><th>B</th></tr></thead><tbody>");
            foreach (var d in c.Differences)
            {
                var a = d.OnlyA.Select(i => i.Display).Concat(d.Changed.Select(ch => Change(ch, a: true)));
                var b = d.OnlyB.Select(i => i.Display).Concat(d.Changed.Select(ch => Change(ch, a: false)));
                o.WriteLine($"<tr{(d.MustMatch ? " class=\"must\"" : string.Empty)}><td>{HtmlEncode(d.Area)}</td><td><code>{HtmlEncode(d.Name)}</code></td><td>{(d.MustMatch ? "<strong>yes</strong>" : "no")}</td><td>{Lines(a)}</td><td>{Lines(b)}</td></tr>");
            }

            o.WriteLine("</tbody></table>");
        }

        Findings(o, "Findings only in A", c.FindingsOnlyA);
        Findings(o, "Findings only in B", c.FindingsOnlyB);
        o.WriteLine("</body></html>");
    }

    private static string Change(ImplementationChange ch, bool a)
    {
        var versions = a ? ch.VersionsA : ch.VersionsB;
        return string.Join("\n", new[] { $"{ch.Id} {FleetFormats.Versions(versions)}" }.Concat(ch.Settings.Select(s => $"{s.Key}={FleetFormats.Value(a ? s.A : s.B)}")));
    }

    private static string Lines(IEnumerable<string> lines) => string.Join("<br>", lines.SelectMany(l => l.Split('\n')).Select(HtmlEncode));

    private static void Findings(TextWriter o, string title, IReadOnlyList<SummaryFinding> findings)
    {
        if (findings.Count == 0) return;
        o.WriteLine($"<h2>{HtmlEncode(title)}</h2><ul>");
        foreach (var f in findings) o.WriteLine($"<li><strong>{HtmlEncode(f.RuleId)}</strong> {HtmlEncode(f.Severity)}: {HtmlEncode(f.Message)}{(f.Subject is null ? string.Empty : " <span class=\"muted\">" + HtmlEncode(f.Subject) + "</span>")}</li>");
        o.WriteLine("</ul>");
    }
}
