using K8sLandscape.Loading;

namespace K8sLandscape.Model.Api;

/// <summary>How two copies of an object differ, by weight (see <see cref="ObjectComparison"/>).</summary>
/// <param name="Effective">Paths that differ in what the API server acts on.</param>
/// <param name="Ownership">Labels and annotations that differ (<c>metadata.labels[key]</c>).</param>
/// <param name="Cosmetic">Cosmetic differences (<c>descriptions</c>, <c>order of path</c>); only looked for when nothing differs in effect.</param>
public sealed record ObjectDifference(IReadOnlyList<string> Effective, IReadOnlyList<string> Ownership, IReadOnlyList<string> Cosmetic)
{
    /// <summary>The weight of the heaviest difference: error in effect, warning in ownership, info if cosmetic; null when equal.</summary>
    public DiagnosticSeverity? Severity =>
        Effective.Count > 0 ? DiagnosticSeverity.Error
        : Ownership.Count > 0 ? DiagnosticSeverity.Warning
        : Cosmetic.Count > 0 ? DiagnosticSeverity.Info
        : null;
}
