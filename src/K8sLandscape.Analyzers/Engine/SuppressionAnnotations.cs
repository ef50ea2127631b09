namespace K8sLandscape.Analyzers;

/// <summary>
/// Annotations that suppress findings about the object that carries them (kube-linter's
/// <c>ignore-check.kube-linter.io/&lt;check&gt;</c> is the precedent). Suppressed findings stay in the
/// report, marked, so silencing a rule is visible in review.
/// </summary>
public static class SuppressionAnnotations
{
    /// <summary>Comma-separated rule ids to suppress, for example <c>"KL3001,KL5001"</c>, or <see cref="All"/>.</summary>
    public const string Ignore = "k8s-landscape.io/ignore";

    /// <summary>The value of <see cref="Ignore"/> that suppresses every rule's findings about the object.</summary>
    public const string All = "all";

    /// <summary>Why the rules are suppressed; shown with every suppressed finding.</summary>
    public const string IgnoreReason = "k8s-landscape.io/ignore-reason";

    /// <summary>The rule ids an <see cref="Ignore"/> value names, trimmed, empty entries dropped.</summary>
    public static IReadOnlyList<string> ParseIds(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
