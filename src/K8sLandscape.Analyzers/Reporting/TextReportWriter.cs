using K8sLandscape.Loading;
using Spectre.Console;

namespace K8sLandscape.Analyzers.Reporting;

/// <summary>
/// Writes the report for a terminal: findings grouped by area and rule, each with its severity,
/// <c>file:line</c> and the other parties' <c>file:line</c>, then a summary table per area. Colour
/// and width are the caller's choice: a terminal gets colour and its own width; redirected output
/// (and tests) get no colour and <see cref="DefaultWidth"/> columns, so it is deterministic.
/// </summary>
public sealed class TextReportWriter : IReportWriter
{
    /// <summary>The width used when the output is not a terminal.</summary>
    public const int DefaultWidth = 120;

    /// <summary>Creates a writer.</summary>
    /// <param name="color">True to write ANSI colours (a terminal without <c>NO_COLOR</c>).</param>
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

    /// <summary>
    /// True when text written to the console's standard output should be coloured: it is a terminal
    /// and the <c>NO_COLOR</c> convention (https://no-color.org) is not in force.
    /// </summary>
    public static bool ShouldColorConsole() =>
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <inheritdoc />
    public void Write(AnalysisReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = Color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = Color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = Width;
        console.Profile.Capabilities.Unicode = true;

        var landscape = report.Landscape;
        console.MarkupLine(Markup.Escape($"{AnalysisReport.ToolName} {report.ToolVersion}: {landscape.Objects.All.Count} object(s), {landscape.Components.Count} component(s) recognized, {report.Rules.Count} rule(s), Kubernetes {landscape.KubernetesVersion}"));
        if (report.Coverage is { } c)
        {
            console.MarkupLine(Markup.Escape(CoverageText.Header(c)));
            console.MarkupLine(Markup.Escape(CoverageText.Counts(c)));
            foreach (var (title, kinds) in CoverageText.Gaps(c))
            {
                console.MarkupLine($"[yellow]{Markup.Escape(title)}: {kinds.Count}[/]");
                foreach (var k in kinds) console.Write(Indented(Markup.Escape(k), 2));
            }
        }

        var byArea = report.Findings
            .GroupBy(f => AnalysisReport.AreaOf(f.Rule), StringComparer.Ordinal)
            .OrderBy(g => ReportAreas.Order(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var area in byArea)
        {
            console.WriteLine();
            console.Write(new Rule($"[bold]{Markup.Escape(ReportAreas.Title(area.Key))}[/]") { Justification = Justify.Left });
            foreach (var rule in area.GroupBy(f => f.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var descriptor = rule.First().Rule;
                console.MarkupLine($"[bold]{Markup.Escape(descriptor.Id)}[/] {Markup.Escape(descriptor.Title)} [dim]({rule.Count()})[/]");
                foreach (var f in rule) WriteFinding(console, f, report);
            }
        }

        console.WriteLine();
        WriteSummary(console, report);
        output.Flush();
    }

    private static void WriteFinding(IAnsiConsole console, Finding f, AnalysisReport report)
    {
        var severity = SeverityText.Format(f.Severity);
        var head = f.Suppressed
            ? $"[dim]suppressed {Markup.Escape(severity)}[/]"
            : $"[{Style(f.Severity)}]{Markup.Escape(severity)}[/]";
        console.Write(Indented($"{head} {Markup.Escape(report.DisplayLocation(f.Location))}: {Markup.Escape(f.Message)}", 2));
        foreach (var r in f.RelatedLocations)
        {
            var other = report.SubjectAt(r);
            console.Write(Indented($"[dim]also[/] {Markup.Escape(report.DisplayLocation(r))}{(other is null ? string.Empty : Markup.Escape($" ({other})"))}", 6));
        }

        if (f.SuppressionReason is { } reason) console.Write(Indented($"[dim]reason: {Markup.Escape(reason)}[/]", 6));
    }

    private static void WriteSummary(IAnsiConsole console, AnalysisReport report)
    {
        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle("Summary") };
        table.AddColumn("Area");
        table.AddColumn(new TableColumn("Errors").RightAligned());
        table.AddColumn(new TableColumn("Warnings").RightAligned());
        table.AddColumn(new TableColumn("Infos").RightAligned());
        table.AddColumn(new TableColumn("Suppressed").RightAligned());
        foreach (var area in report.Findings.GroupBy(f => AnalysisReport.AreaOf(f.Rule), StringComparer.Ordinal).OrderBy(g => ReportAreas.Order(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var s = ReportSummary.Of(area);
            table.AddRow(Markup.Escape(ReportAreas.Title(area.Key)), Count(s.Errors, "red"), Count(s.Warnings, "yellow"), Count(s.Infos, "blue"), Count(s.Suppressed, "dim"));
        }

        var total = report.Summary;
        table.AddRow("[bold]Total[/]", Count(total.Errors, "red"), Count(total.Warnings, "yellow"), Count(total.Infos, "blue"), Count(total.Suppressed, "dim"));
        console.Write(table);
        console.MarkupLine(total.Active == 0 ? $"[green]No findings[/]{(total.Suppressed > 0 ? Markup.Escape($" ({total.Suppressed} suppressed)") : string.Empty)}." : Markup.Escape(total.ToString()) + ".");
    }

    private static string Count(int n, string style) => n == 0 ? "0" : $"[{style}]{n}[/]";

    private static string Style(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "bold red",
        DiagnosticSeverity.Warning => "yellow",
        _ => "blue",
    };

    private static Padder Indented(string markup, int left) => new Padder(new Markup(markup), new Padding(left, 0, 0, 0));
}
