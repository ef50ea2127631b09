using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Configuration;

/// <summary>
/// An entry of the configuration's <c>ignore:</c> list: findings of <see cref="Rule"/> that match
/// every criterion given are kept in the report, marked as suppressed with <see cref="Reason"/>,
/// as a suppression annotation would mark them. For objects a team cannot annotate (a vendor's
/// chart, a managed add-on).
/// </summary>
/// <param name="Rule">The rule id the entry suppresses.</param>
/// <param name="Reason">Why the findings are accepted; shown with every suppressed finding.</param>
public sealed record IgnoreEntry(string Rule, string Reason)
{
    /// <summary>The subject's kind (<c>StorageClass</c>, compared without regard to case), or null for any.</summary>
    public string? Kind { get; init; }

    /// <summary>The subject's namespace (exact), or null for any.</summary>
    public string? Namespace { get; init; }

    /// <summary>A glob of the subject's name (<c>*</c> any characters, <c>?</c> one), or null for any.</summary>
    public string? Name { get; init; }

    /// <summary>A path glob of the finding's file, relative to the options' base folder (as <c>exclude.paths</c>), or null for any.</summary>
    public string? Path { get; init; }

    /// <summary>Where the entry was written, or <see cref="SourceSpan.None"/> when made in code.</summary>
    public SourceSpan Source { get; init; } = SourceSpan.None;
}
