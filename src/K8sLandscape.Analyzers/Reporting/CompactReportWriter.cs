using System.Globalization;
using System.Text;

namespace K8sLandscape.Analyzers.Reporting;

/// <summary>
/// Writes one line per active finding in the convention editors and CI problem matchers parse
/// (gcc, ESLint's <c>unix</c> formatter): <c>path:line:column: severity KLxxxx: message</c>, the
/// other parties of a conflict appended as <c>(also at path:line, ...)</c>. A finding about a whole
/// file has no line: <c>path: severity KLxxxx: message</c>. Suppressed findings are left out; nothing
/// else is written, so every line matches the pattern. Control and bidi characters are escaped.
/// </summary>
public sealed class CompactReportWriter : IReportWriter
{
    /// <inheritdoc />
    public string Format => ReportFormats.Compact;

    /// <inheritdoc />
    public string FileExtension => ".txt";

    /// <inheritdoc />
    public void Write(AnalysisReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var o = new StringBuilder();
        foreach (var f in report.Findings.Where(f => !f.Suppressed))
        {
            o.Append(TerminalText.Escape(Location(f.Location, report))).Append(": ")
             .Append(SeverityText.Format(f.Severity)).Append(' ').Append(f.Id).Append(": ")
             .Append(TerminalText.Escape(f.Message));
            if (f.RelatedLocations.Count > 0)
                o.Append(" (also at ").Append(TerminalText.Escape(string.Join(", ", f.RelatedLocations.Select(report.DisplayLocation)))).Append(')');
            o.Append('\n');
        }

        output.Write(o.ToString());
        output.Flush();
    }

    private static string Location(Loading.SourceSpan span, AnalysisReport report)
    {
        var path = report.DisplayPath(span.Path);
        if (span.Line <= 0) return path;
        return string.Create(CultureInfo.InvariantCulture, $"{path}:{span.Line}:{Math.Max(1, span.Column)}");
    }
}
