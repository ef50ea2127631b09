using System.Globalization;
using System.Text;

namespace K8sLandscape.Analyzers.Reporting;

/// <summary>
/// Writes GitHub Actions workflow commands, one per active finding, which annotate the files of a
/// pull request and the run's summary: <c>::error file=PATH,line=N,col=N,title=KLxxxx::message</c>
/// (<c>warning</c> for warnings, <c>notice</c> for infos). Paths are relative to the report's base
/// folder, which in a workflow is the checkout. Values are escaped as the Actions toolkit escapes
/// them: <c>%</c>, CR and LF in the message; also <c>:</c> and <c>,</c> in properties.
/// </summary>
public sealed class GitHubReportWriter : IReportWriter
{
    /// <inheritdoc />
    public string Format => ReportFormats.GitHub;

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
            o.Append("::").Append(Command(f.Severity)).Append(' ');
            var properties = new List<string>();
            if (AnalysisReport.IsFilePath(f.Location.Path))
            {
                properties.Add("file=" + EscapeProperty(report.DisplayPath(f.Location.Path)));
                if (f.Location.Line > 0) properties.Add(string.Create(CultureInfo.InvariantCulture, $"line={f.Location.Line}"));
                if (f.Location.Line > 0 && f.Location.Column > 0) properties.Add(string.Create(CultureInfo.InvariantCulture, $"col={f.Location.Column}"));
            }

            properties.Add("title=" + EscapeProperty($"{f.Id}: {f.Rule.Title}"));
            o.Append(string.Join(',', properties)).Append("::");
            var message = f.Message;
            if (f.Location.Line <= 0 || !AnalysisReport.IsFilePath(f.Location.Path)) message = $"{report.DisplayLocation(f.Location)}: {message}";
            if (f.RelatedLocations.Count > 0) message += $" (also at {string.Join(", ", f.RelatedLocations.Select(report.DisplayLocation))})";
            o.Append(EscapeData(message)).Append('\n');
        }

        output.Write(o.ToString());
        output.Flush();
    }

    /// <summary>Escapes a command's message as the Actions toolkit does: <c>%</c> → <c>%25</c>, CR → <c>%0D</c>, LF → <c>%0A</c>; other control and bidi characters are shown as <c>\xHH</c>.</summary>
    public static string EscapeData(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '%': sb.Append("%25"); break;
                case '\r': sb.Append("%0D"); break;
                case '\n': sb.Append("%0A"); break;
                default: sb.Append(TerminalText.IsUnsafe(c) ? TerminalText.Escape(c.ToString()) : c); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Escapes a command's property value: what <see cref="EscapeData"/> escapes, and <c>:</c> → <c>%3A</c>, <c>,</c> → <c>%2C</c>.</summary>
    public static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private static string Command(Loading.DiagnosticSeverity severity) => severity switch
    {
        Loading.DiagnosticSeverity.Error => "error",
        Loading.DiagnosticSeverity.Warning => "warning",
        _ => "notice",
    };
}
