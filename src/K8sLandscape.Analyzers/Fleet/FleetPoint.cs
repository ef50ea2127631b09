namespace K8sLandscape.Analyzers.Fleet;

/// <summary>One extension point, a row of the fleet matrix, with its fragmentation figures.</summary>
/// <param name="Area">The area.</param>
/// <param name="Name">The extension point.</param>
/// <param name="Cells">One cell per cluster, in cluster order.</param>
/// <param name="Present">How many clusters have an implementation here.</param>
/// <param name="Implementations">Distinct implementations across the fleet.</param>
/// <param name="Versions">Distinct implementation-and-version pairs across the fleet.</param>
/// <param name="Variants">Distinct cells (implementations, versions and settings) among the clusters that have the point.</param>
/// <param name="Fragmentation">The share of clusters whose cell differs from the most common one (absence included): 0 when the fleet agrees.</param>
public sealed record FleetPoint(string Area, string Name, IReadOnlyList<FleetCell> Cells, int Present, int Implementations, int Versions, int Variants, double Fragmentation);
