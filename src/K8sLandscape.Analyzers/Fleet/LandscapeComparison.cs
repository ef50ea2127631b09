namespace K8sLandscape.Analyzers.Fleet;

/// <summary>What differs between two clusters: per extension point, and in findings.</summary>
/// <param name="A">The first cluster.</param>
/// <param name="B">The second cluster.</param>
/// <param name="MustMatch">The points the configuration requires to match.</param>
/// <param name="Differences">Points that differ, in area order then by name.</param>
/// <param name="FindingsOnlyA">Active findings only the first cluster has.</param>
/// <param name="FindingsOnlyB">Active findings only the second cluster has.</param>
/// <param name="SamePoints">How many points both clusters have with the same implementations, versions and settings.</param>
public sealed record LandscapeComparison(
    LandscapeSummary A,
    LandscapeSummary B,
    MustMatch MustMatch,
    IReadOnlyList<PointDifference> Differences,
    IReadOnlyList<SummaryFinding> FindingsOnlyA,
    IReadOnlyList<SummaryFinding> FindingsOnlyB,
    int SamePoints)
{
    /// <summary>The differences at points the configuration requires to match.</summary>
    public IReadOnlyList<PointDifference> MustMatchViolations => Differences.Where(d => d.MustMatch).ToArray();

    /// <summary>True when nothing differs (findings included).</summary>
    public bool Identical => Differences.Count == 0 && FindingsOnlyA.Count == 0 && FindingsOnlyB.Count == 0;
}
