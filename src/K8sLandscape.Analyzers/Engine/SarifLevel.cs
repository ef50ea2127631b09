using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers;

/// <summary>Maps severities to SARIF 2.1.0 <c>result.level</c> values.</summary>
public static class SarifLevel
{
    /// <summary>Error → <c>error</c>, Warning → <c>warning</c>, Info → <c>note</c>.</summary>
    public static string From(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "unknown severity"),
    };
}
