using System.Text;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Reporting;

/// <summary>
/// Writes Markdown for pull-request comments: a summary line and counts, then one table per severity
/// (rule, location, message, other parties) and one for suppressed findings. Every value is escaped
/// so a <c>|</c>, a newline or HTML in a message cannot break the table.
/// </summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    /// <inheritdoc />
    public string Format => ReportFormats.Markdown;

    /// <inheritdoc />
    public string FileExtension => ".md";

    /// <inheritdoc />
    public void Write(AnalysisReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var o = new StringBuilder();
        var summary = report.Summary;
        var verdict = summary.Errors > 0 ? "❌" : summary.Warnings > 0 ? "⚠️" : "✅";
        o.Append(CultureInfo($"## {verdict} k8s-landscape: {summary}\n\n"));
        o.Append(CultureInfo($"Analyzed {report.Landscape.Objects.All.Count} object(s) with {report.Rules.Count} rule(s); {report.Landscape.Components.Count} component(s) recognized; Kubernetes {report.Landscape.KubernetesVersion}.\n\n"));
        if (report.Coverage is { } c)
        {
            o.Append(Escape(CoverageText.Header(c))).Append("  \n").Append(Escape(CoverageText.Counts(c))).Append('\n');
            foreach (var (title, kinds) in CoverageText.Gaps(c)) o.Append(CultureInfo($"- **{Escape(title)}** ({kinds.Count}): {string.Join(", ", kinds.Select(Escape))}\n"));
            o.Append('\n');
        }

        o.Append("| Severity | Findings |\n| --- | ---: |\n");
        o.Append(CultureInfo($"| Error | {summary.Errors} |\n| Warning | {summary.Warnings} |\n| Info | {summary.Infos} |\n| Suppressed | {summary.Suppressed} |\n"));

        foreach (var (severity, title) in new[] { (DiagnosticSeverity.Error, "Errors"), (DiagnosticSeverity.Warning, "Warnings"), (DiagnosticSeverity.Info, "Infos") })
        {
            var findings = report.Findings.Where(f => !f.Suppressed && f.Severity == severity).ToArray();
            if (findings.Length == 0) continue;
            o.Append(CultureInfo($"\n### {title} ({findings.Length})\n\n"));
            o.Append("| Rule | Location | Message | Other parties |\n| --- | --- | --- | --- |\n");
            foreach (var f in findings) o.Append(Row(f, report, Related(f, report)));
        }

        var suppressed = report.Findings.Where(f => f.Suppressed).ToArray();
        if (suppressed.Length > 0)
        {
            o.Append(CultureInfo($"\n### Suppressed ({suppressed.Length})\n\n"));
            o.Append("| Rule | Location | Message | Reason |\n| --- | --- | --- | --- |\n");
            foreach (var f in suppressed) o.Append(Row(f, report, Escape(f.SuppressionReason ?? string.Empty)));
        }

        output.Write(o.ToString());
        output.Flush();
    }

    /// <summary>
    /// Escapes text for a Markdown table cell: <c>|</c>, Markdown punctuation and HTML are escaped,
    /// line breaks become <c>&lt;br&gt;</c> and control and bidi characters <c>\x1b</c> / <c>\u202e</c>,
    /// so the text shows as written and stays in its cell.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    sb.Append("<br>");
                    break;
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '~':
                    sb.Append('\\').Append(c);
                    break;
                default:
                    // Controls and bidi overrides show as \x1b / \u202e, so a comment reads as the file does.
                    if (TerminalText.IsUnsafe(c)) sb.Append(TerminalText.Escape(c.ToString()));
                    else sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    private static string Row(Finding f, AnalysisReport report, string last)
    {
        var help = report.HelpUriOf(f.Rule);
        var rule = help is null ? f.Id : $"[{f.Id}]({help.AbsoluteUri})";
        return CultureInfo($"| {rule} | {Escape(report.DisplayLocation(f.Location))} | {Escape(f.Message)} | {last} |\n");
    }

    private static string Related(Finding f, AnalysisReport report) =>
        string.Join("<br>", f.RelatedLocations.Select(r => Escape(report.DisplayLocation(r))));

    private static string CultureInfo(FormattableString s) => FormattableString.Invariant(s);
}
