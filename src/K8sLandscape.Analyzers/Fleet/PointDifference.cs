namespace K8sLandscape.Analyzers.Fleet;

/// <summary>An extension point where two clusters differ.</summary>
/// <param name="Area">The area.</param>
/// <param name="Name">The extension point.</param>
/// <param name="MustMatch">True when the configuration requires this point to match.</param>
/// <param name="OnlyA">Implementations only the first cluster has, sorted by id.</param>
/// <param name="OnlyB">Implementations only the second cluster has, sorted by id.</param>
/// <param name="Changed">Implementations both have, at different versions or settings, sorted by id.</param>
public sealed record PointDifference(
    string Area,
    string Name,
    bool MustMatch,
    IReadOnlyList<SummaryImplementation> OnlyA,
    IReadOnlyList<SummaryImplementation> OnlyB,
    IReadOnlyList<ImplementationChange> Changed);
