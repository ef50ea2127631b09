using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Reporting;

/// <summary>How many findings a report holds: active ones per severity, and suppressed ones.</summary>
/// <param name="Errors">Active findings with severity error.</param>
/// <param name="Warnings">Active findings with severity warning.</param>
/// <param name="Infos">Active findings with severity info.</param>
/// <param name="Suppressed">Findings suppressed by annotation (they never fail a run).</param>
public sealed record ReportSummary(int Errors, int Warnings, int Infos, int Suppressed)
{
    /// <summary>Active findings of every severity.</summary>
    public int Active => Errors + Warnings + Infos;

    /// <summary>Active findings at or above a severity.</summary>
    public int AtOrAbove(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => Errors,
        DiagnosticSeverity.Warning => Errors + Warnings,
        _ => Active,
    };

    /// <summary>Counts findings.</summary>
    public static ReportSummary Of(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        int e = 0, w = 0, i = 0, s = 0;
        foreach (var f in findings)
        {
            if (f.Suppressed) s++;
            else if (f.Severity == DiagnosticSeverity.Error) e++;
            else if (f.Severity == DiagnosticSeverity.Warning) w++;
            else i++;
        }

        return new ReportSummary(e, w, i, s);
    }

    /// <summary>Formats as <c>2 errors, 1 warning, 0 infos (1 suppressed)</c>.</summary>
    public override string ToString() =>
        $"{Plural(Errors, "error")}, {Plural(Warnings, "warning")}, {Plural(Infos, "info")}{(Suppressed > 0 ? $" ({Suppressed} suppressed)" : string.Empty)}";

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
