namespace K8sLandscape.Analyzers.Fleet;

/// <summary>The output formats of <c>compare</c> and <c>fleet</c>.</summary>
public static class FleetFormats
{
    /// <summary>For a person at a terminal.</summary>
    public const string Text = "text";

    /// <summary>For tools: <c>docs/compare-schema.json</c>, <c>docs/fleet-schema.json</c>.</summary>
    public const string Json = "json";

    /// <summary>For a pull request or a wiki page.</summary>
    public const string Markdown = "markdown";

    /// <summary>One self-contained page.</summary>
    public const string Html = "html";

    /// <summary>Every format, in help order.</summary>
    public static IReadOnlyList<string> Names { get; } = [Text, Json, Markdown, Html];

    /// <summary>Writes a comparison in <paramref name="format"/>.</summary>
    public static void Write(string format, LandscapeComparison comparison, TextWriter output)
    {
        switch (format)
        {
            case Text: CompareTextWriter.Write(comparison, output); break;
            case Json: CompareJsonWriter.Write(comparison, output); break;
            case Markdown: CompareMarkdownWriter.Write(comparison, output); break;
            case Html: CompareHtmlWriter.Write(comparison, output); break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format, "unknown format");
        }
    }

    /// <summary>Writes a fleet matrix in <paramref name="format"/>.</summary>
    public static void Write(string format, FleetMatrix matrix, TextWriter output)
    {
        switch (format)
        {
            case Text: FleetTextWriter.Write(matrix, output); break;
            case Json: FleetJsonWriter.Write(matrix, output); break;
            case Markdown: FleetMarkdownWriter.Write(matrix, output); break;
            case Html: FleetHtmlWriter.Write(matrix, output); break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format, "unknown format");
        }
    }

    /// <summary>A fraction with three decimals, the same on every machine.</summary>
    internal static string Fraction(double value) => value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Versions for display: <c>1.14.4</c>, <c>1.13.0, 1.14.4</c>, or <c>(no version)</c>.</summary>
    internal static string Versions(IReadOnlyList<string> versions) => versions.Count == 0 ? "(no version)" : string.Join(", ", versions);

    /// <summary>A setting's value for display, <c>(unset)</c> when absent.</summary>
    internal static string Value(string? value) => value ?? "(unset)";
}
