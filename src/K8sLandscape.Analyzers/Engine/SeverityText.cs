using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers;

/// <summary>The words for severities used in configuration files and reports: <c>error</c>, <c>warning</c>, <c>info</c>.</summary>
public static class SeverityText
{
    /// <summary>The accepted words, most serious first.</summary>
    public static IReadOnlyList<string> Names { get; } = ["error", "warning", "info"];

    /// <summary>Formats a severity as <c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public static string Format(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "unknown severity"),
    };

    /// <summary>Parses <c>error</c>, <c>warning</c> or <c>info</c> (exact, lower case, as written in configuration).</summary>
    public static bool TryParse(string? text, out DiagnosticSeverity severity)
    {
        switch (text)
        {
            case "error": severity = DiagnosticSeverity.Error; return true;
            case "warning": severity = DiagnosticSeverity.Warning; return true;
            case "info": severity = DiagnosticSeverity.Info; return true;
            default: severity = default; return false;
        }
    }
}
