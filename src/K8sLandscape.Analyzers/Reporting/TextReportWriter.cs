using System.Globalization;
using System.Text;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Reporting;

/// <summary>
/// Writes the report for a terminal: findings grouped by area and rule, each on a line with its
/// severity, rule id and <c>file:line</c>, the other parties' <c>file:line</c> below, then a summary
/// table per area. Colour and width are the caller's choice: a terminal gets colour and its own
/// width; redirected output (and tests) get no colour, no padding at line ends and
/// <see cref="DefaultWidth"/> columns (or <c>COLUMNS</c>), so it is deterministic. Text from the
/// input is escaped (<see cref="TerminalText"/>) and very long names shortened. Colours are plain
/// SGR codes, so a consumer of this library pulls no terminal UI library; deciding whether the
/// console wants colour is the command line's business.
/// </summary>
public sealed class TextReportWriter : IReportWriter
{
    /// <summary>The width used when the output is not a terminal.</summary>
    public const int DefaultWidth = 120;

    /// <summary>Creates a writer.</summary>
    /// <param name="color">True to write ANSI colours (the command line asks for them on a terminal without <c>NO_COLOR</c>).</param>
    /// <param name="width">Columns to fit; <see cref="DefaultWidth"/> when null.</param>
    public TextReportWriter(bool color = false, int? width = null)
    {
        Color = color;
        Width = width is > 20 ? width.Value : DefaultWidth;
    }

    /// <summary>True when ANSI colours are written.</summary>
    public bool Color { get; }

    /// <summary>The columns the output fits.</summary>
    public int Width { get; }

    /// <inheritdoc />
    public string Format => ReportFormats.Text;

    /// <inheritdoc />
    public string FileExtension => ".txt";

    /// <summary>True to print each finding's "how to fix" line under it (<c>analyze --explain</c>).</summary>
    public bool Explain { get; init; }

    /// <inheritdoc />
    public void Write(AnalysisReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        // Rendered whole first: without colour no line keeps padding at its end, so redirected
        // output diffs and greps cleanly.
        var buffer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var landscape = report.Landscape;
        Line(buffer, $"{AnalysisReport.ToolName} {report.ToolVersion}: {landscape.Objects.All.Count} object(s), {landscape.Components.Count} component(s) recognized, {report.Rules.Count} rule(s), Kubernetes {landscape.KubernetesVersion}", 0, 2);
        if (report.Coverage is { } c)
        {
            Line(buffer, CoverageText.Header(c), 0, 2);
            Line(buffer, CoverageText.Counts(c), 0, 2);
            foreach (var (title, kinds) in CoverageText.Gaps(c))
            {
                Line(buffer, $"{title}: {kinds.Count}", 0, 2, Color ? "33" : null);
                foreach (var k in kinds) Line(buffer, k, 2, 4);
            }
        }

        var byArea = report.Findings
            .GroupBy(f => AnalysisReport.AreaOf(f.Rule), StringComparer.Ordinal)
            .OrderBy(g => ReportAreas.Order(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var area in byArea)
        {
            buffer.WriteLine();
            WriteRule(buffer, TerminalText.Escape(ReportAreas.Title(area.Key)));
            foreach (var rule in area.GroupBy(f => f.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var descriptor = rule.First().Rule;
                buffer.WriteLine($"{Styled(TerminalText.Escape(descriptor.Id), "1")} {TerminalText.Escape(descriptor.Title)} {Styled($"({rule.Count()})", "2")}");
                foreach (var f in rule) WriteFinding(buffer, f, report);
            }
        }

        buffer.WriteLine();
        WriteSummary(buffer, report);
        var text = buffer.ToString();
        if (!Color) text = string.Join('\n', text.Split('\n').Select(l => l.TrimEnd(' ')));
        output.Write(text.Replace("\n", output.NewLine, StringComparison.Ordinal));
        output.Flush();
    }

    private void WriteFinding(TextWriter o, Finding f, AnalysisReport report)
    {
        var severity = f.Suppressed ? "suppressed " + SeverityText.Format(f.Severity) : SeverityText.Format(f.Severity);
        var style = f.Suppressed ? "2" : Style(f.Severity);
        // The rule id on every finding's line, so one grep line says what and where.
        var head = $"{severity} {f.Id} {report.DisplayLocation(f.Location)}:";
        Line(o, $"{head} {TerminalText.Shorten(f.Message)}", 2, 6, Color ? style : null, severity.Length, glue: head.Count(ch => ch == ' ') + 1);
        foreach (var r in f.RelatedLocations)
        {
            var other = report.SubjectAt(r);
            Line(o, $"also {report.DisplayLocation(r)}{(other is null ? string.Empty : $" ({TerminalText.Shorten(other.ToString())})")}", 6, 8, Color ? "2" : null, 4);
        }

        if (f.SuppressionReason is { } reason) Line(o, $"reason: {reason}", 6, 8, Color ? "2" : null);
        if (Explain && f.Rule.HowToFix is { } fix) Line(o, $"fix: {FirstParagraph(fix)}", 6, 11, Color ? "2" : null, 4);
    }

    /// <summary>
    /// Writes text from the input escaped and word-wrapped to <see cref="Width"/> with a hanging
    /// indent. A word is never broken, so a path longer than the line stays whole on its own line and
    /// can still be copied or clicked; the first <paramref name="glue"/> words stay on the first line
    /// (severity, rule id and location are read together). <paramref name="style"/> (an SGR code)
    /// colours the first <paramref name="styled"/> characters, or the whole first word when that is zero.
    /// </summary>
    private void Line(TextWriter o, string text, int indent, int hanging, string? style = null, int styled = 0, int glue = 1)
    {
        var words = TerminalText.Escape(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var line = new StringBuilder(new string(' ', indent));
        var first = true;
        var column = indent;
        for (var index = 0; index < words.Length; index++)
        {
            var word = words[index];
            if (index >= glue && column > (first ? indent : hanging) && column + 1 + word.Length > Width)
            {
                o.WriteLine(line.ToString());
                line.Clear().Append(' ', hanging);
                column = hanging;
                first = false;
            }
            else if (column > (first ? indent : hanging))
            {
                line.Append(' ');
                column++;
            }

            if (first && style is not null && column == indent)
            {
                var n = styled > 0 ? Math.Min(styled, word.Length) : word.Length;
                line.Append("\u001b[").Append(style).Append('m').Append(word, 0, n).Append("\u001b[0m").Append(word, n, word.Length - n);
            }
            else
            {
                line.Append(word);
            }

            column += word.Length;
        }

        o.WriteLine(line.ToString());
    }

    private static string FirstParagraph(string markdown)
    {
        var paragraph = markdown.ReplaceLineEndings("\n").Trim().Split("\n\n", 2)[0];
        return string.Join(' ', paragraph.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    // A horizontal rule with the title at its left: "── Title ─────".
    private void WriteRule(TextWriter o, string title)
    {
        var fill = Math.Max(0, Width - 4 - title.Length);
        o.WriteLine($"── {Styled(title, "1")} {new string('─', fill)}");
    }

    private void WriteSummary(TextWriter o, AnalysisReport report)
    {
        string[] header = ["Area", "Errors", "Warnings", "Infos", "Suppressed"];
        var rows = new List<(string Text, string? Style)[]>();
        foreach (var area in report.Findings.GroupBy(f => AnalysisReport.AreaOf(f.Rule), StringComparer.Ordinal).OrderBy(g => ReportAreas.Order(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var s = ReportSummary.Of(area);
            rows.Add(Row((TerminalText.Escape(ReportAreas.Title(area.Key)), null), s));
        }

        var total = report.Summary;
        rows.Add(Row(("Total", "1"), total));

        var widths = header.Select((h, c) => Math.Max(h.Length, rows.Max(r => r[c].Text.Length))).ToArray();
        var tableWidth = widths.Sum() + (3 * widths.Length) + 1;
        if (tableWidth > Width)
        {
            // Too narrow for the table: one line per area says the same.
            Line(o, "Summary", 0, 2);
            foreach (var r in rows) Line(o, $"{r[0].Text}: {r[1].Text} error(s), {r[2].Text} warning(s), {r[3].Text} info(s), {r[4].Text} suppressed", 2, 4);
        }
        else
        {
            o.WriteLine(new string(' ', (tableWidth - "Summary".Length) / 2) + "Summary");
            o.WriteLine(Border('╭', '┬', '╮', widths));
            o.WriteLine(Cells(header.Select(h => (h, (string?)null)).ToArray(), widths));
            o.WriteLine(Border('├', '┼', '┤', widths));
            foreach (var r in rows) o.WriteLine(Cells(r, widths));
            o.WriteLine(Border('╰', '┴', '╯', widths));
        }

        o.WriteLine(total.Active == 0
            ? $"{Styled("No findings", "32")}{(total.Suppressed > 0 ? $" ({total.Suppressed} suppressed)" : string.Empty)}."
            : total + ".");
    }

    private static (string Text, string? Style)[] Row((string Text, string? Style) area, ReportSummary s) =>
    [
        area,
        Count(s.Errors, "31"),
        Count(s.Warnings, "33"),
        Count(s.Infos, "34"),
        Count(s.Suppressed, "2"),
    ];

    private static (string Text, string? Style) Count(int n, string style) =>
        (n.ToString(CultureInfo.InvariantCulture), n == 0 ? null : style);

    private static string Border(char left, char middle, char right, int[] widths) =>
        left + string.Join(middle, widths.Select(w => new string('─', w + 2))) + right;

    // The first column is left-aligned, the counts right-aligned, as a table of numbers reads.
    private string Cells((string Text, string? Style)[] cells, int[] widths)
    {
        var line = new StringBuilder("│");
        for (var c = 0; c < cells.Length; c++)
        {
            var pad = new string(' ', widths[c] - cells[c].Text.Length);
            var text = Styled(cells[c].Text, cells[c].Style);
            line.Append(' ').Append(c == 0 ? text + pad : pad + text).Append(" │");
        }

        return line.ToString();
    }

    private string Styled(string text, string? style) =>
        Color && style is not null && text.Length > 0 ? $"\u001b[{style}m{text}\u001b[0m" : text;

    // SGR codes: bold red, yellow, blue.
    private static string Style(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "1;31",
        DiagnosticSeverity.Warning => "33",
        _ => "34",
    };
}
