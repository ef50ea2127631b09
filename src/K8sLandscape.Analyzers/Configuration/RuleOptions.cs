using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Configuration;

/// <summary>Settings of one rule: switched on or off, its severity, and the rule's own settings.</summary>
/// <param name="Enabled">True or false to switch the rule on or off; null keeps its default.</param>
/// <param name="Severity">The severity to report with; null keeps the default.</param>
public sealed record RuleOptions(bool? Enabled = null, DiagnosticSeverity? Severity = null)
{
    /// <summary>Where the setting was written (a configuration file's key), or <see cref="SourceSpan.None"/> when set in code.</summary>
    public SourceSpan Source { get; init; } = SourceSpan.None;

    /// <summary>The rule's own settings (<c>options:</c>), read by the rule through <see cref="AnalysisContext.GetSettings{T}"/>.</summary>
    public RuleSettings Settings { get; init; } = RuleSettings.Empty;
}
