namespace K8sLandscape.Analyzers.Reporting;

/// <summary>The built-in report formats by name: <c>text</c>, <c>json</c>, <c>sarif</c>, <c>junit</c>, <c>markdown</c>, <c>html</c>, <c>compact</c>, <c>github</c>.</summary>
public static class ReportFormats
{
    /// <summary>Plain or coloured text for a terminal.</summary>
    public const string Text = "text";

    /// <summary>JSON following <c>docs/report-schema.json</c>.</summary>
    public const string Json = "json";

    /// <summary>SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.</summary>
    public const string Sarif = "sarif";

    /// <summary>JUnit XML, for CI systems that show test results.</summary>
    public const string JUnit = "junit";

    /// <summary>Markdown, for pull-request comments.</summary>
    public const string Markdown = "markdown";

    /// <summary>One self-contained HTML page with the landscape map and the findings.</summary>
    public const string Html = "html";

    /// <summary>One line per finding, <c>path:line:column: severity KLxxxx: message</c>, for editors and CI problem matchers.</summary>
    public const string Compact = "compact";

    /// <summary>GitHub Actions workflow commands (<c>::error file=...,line=...::message</c>) that annotate a pull request's files.</summary>
    public const string GitHub = "github";

    /// <summary>Every format name, in display order.</summary>
    public static IReadOnlyList<string> Names { get; } = [Text, Json, Sarif, JUnit, Markdown, Html, Compact, GitHub];

    /// <summary>The writer of a format with default settings (text without colour, 120 columns).</summary>
    /// <exception cref="ArgumentException">The format is unknown.</exception>
    public static IReportWriter Create(string format) => format switch
    {
        Text => new TextReportWriter(),
        Json => new JsonReportWriter(),
        Sarif => new SarifReportWriter(),
        JUnit => new JUnitReportWriter(),
        Markdown => new MarkdownReportWriter(),
        Html => new HtmlReportWriter(),
        Compact => new CompactReportWriter(),
        GitHub => new GitHubReportWriter(),
        _ => throw new ArgumentException($"unknown report format '{format}'; expected one of {string.Join(", ", Names)}", nameof(format)),
    };
}
