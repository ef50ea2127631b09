using System.Globalization;
using System.Text;
using System.Xml;

namespace K8sLandscape.Analyzers.Reporting;

/// <summary>
/// Writes JUnit XML for CI systems that show test results: one test suite per area, one test case per
/// rule that ran (it passes when the rule found nothing), one <c>failure</c> per active finding and one
/// <c>skipped</c> per suppressed finding. Times are always 0 so the output is deterministic.
/// </summary>
public sealed class JUnitReportWriter : IReportWriter
{
    /// <inheritdoc />
    public string Format => ReportFormats.JUnit;

    /// <inheritdoc />
    public string FileExtension => ".xml";

    /// <inheritdoc />
    public void Write(AnalysisReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var byRule = report.Findings.ToLookup(f => f.Id, StringComparer.Ordinal);
        var suites = report.Rules
            .GroupBy(r => AnalysisReport.AreaOf(r), StringComparer.Ordinal)
            .OrderBy(g => ReportAreas.Order(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();
        var summary = report.Summary;

        // Written to UTF-8 bytes first so the declaration says utf-8 whatever the TextWriter's encoding.
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false), CloseOutput = false };
        using var buffer = new MemoryStream();
        using (var x = XmlWriter.Create(buffer, settings))
        {
            x.WriteStartDocument();
            x.WriteStartElement("testsuites");
            x.WriteAttributeString("name", AnalysisReport.ToolName);
            Count(x, "tests", report.Rules.Count);
            Count(x, "failures", summary.Active);
            Count(x, "errors", 0);
            Count(x, "skipped", summary.Suppressed);
            x.WriteAttributeString("time", "0");
            foreach (var suite in suites)
            {
                var findings = suite.SelectMany(r => byRule[r.Id]).ToArray();
                x.WriteStartElement("testsuite");
                x.WriteAttributeString("name", $"{AnalysisReport.ToolName}.{suite.Key}");
                Count(x, "tests", suite.Count());
                Count(x, "failures", findings.Count(f => !f.Suppressed));
                Count(x, "errors", 0);
                Count(x, "skipped", findings.Count(f => f.Suppressed));
                x.WriteAttributeString("time", "0");
                foreach (var rule in suite) WriteCase(x, suite.Key, rule, byRule[rule.Id], report);
                x.WriteEndElement();
            }

            x.WriteEndElement();
            x.WriteEndDocument();
        }

        output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        output.WriteLine();
        output.Flush();
    }

    private static void WriteCase(XmlWriter x, string area, RuleDescriptor rule, IEnumerable<Finding> findings, AnalysisReport report)
    {
        x.WriteStartElement("testcase");
        x.WriteAttributeString("classname", $"{AnalysisReport.ToolName}.{area}");
        x.WriteAttributeString("name", Clean($"{rule.Id}: {rule.Title}"));
        x.WriteAttributeString("time", "0");
        foreach (var f in findings)
        {
            var where = report.DisplayLocation(f.Location);
            if (f.Suppressed)
            {
                x.WriteStartElement("skipped");
                x.WriteAttributeString("message", Clean($"{where}: suppressed: {f.SuppressionReason}"));
                x.WriteEndElement();
                continue;
            }

            x.WriteStartElement("failure");
            x.WriteAttributeString("type", SeverityText.Format(f.Severity));
            x.WriteAttributeString("message", Clean($"{where}: {f.Message}"));
            var body = new StringBuilder();
            body.Append(CultureInfo.InvariantCulture, $"{SeverityText.Format(f.Severity)} {f.Id} at {where}").Append('\n');
            if (f.Subject is { } s) body.Append(CultureInfo.InvariantCulture, $"subject: {s}").Append('\n');
            body.Append(f.Message).Append('\n');
            foreach (var r in f.RelatedLocations)
            {
                var other = report.SubjectAt(r);
                body.Append(CultureInfo.InvariantCulture, $"also: {report.DisplayLocation(r)}{(other is null ? string.Empty : " (" + other + ")")}").Append('\n');
            }

            x.WriteString(Clean(body.ToString()));
            x.WriteEndElement();
        }

        x.WriteEndElement();
    }

    // XML 1.0 cannot hold most control characters, and bidi overrides would make a CI view show text
    // other than what the file holds: both are written as \x1b / \u202e. A lone surrogate (or
    // U+FFFE) cannot be written at all and becomes U+FFFD.
    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (c is '\n' or '\t') sb.Append(c);
            else if (TerminalText.IsUnsafe(c)) sb.Append(TerminalText.Escape(c.ToString()));
            else sb.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
        }

        return sb.ToString();
    }

    private static void Count(XmlWriter x, string name, int value) =>
        x.WriteAttributeString(name, value.ToString(CultureInfo.InvariantCulture));
}
