namespace K8sLandscape.Analyzers.Fleet;

/// <summary>Extension points by clusters, with fragmentation figures per point and for the fleet.</summary>
/// <param name="Clusters">The clusters, in input order.</param>
/// <param name="Points">The extension points of any cluster, in area order then by name.</param>
public sealed record FleetMatrix(IReadOnlyList<FleetCluster> Clusters, IReadOnlyList<FleetPoint> Points)
{
    /// <summary>The mean fragmentation of the points: 0 when every cluster runs the same everywhere.</summary>
    public double Fragmentation => Points.Count == 0 ? 0 : Math.Round(Points.Average(p => p.Fragmentation), 3);

    /// <summary>How many points do not look the same in every cluster.</summary>
    public int FragmentedPoints => Points.Count(p => p.Fragmentation > 0);

    /// <summary>How many cells differ from their point's most common cell.</summary>
    public int OddCells => Points.Sum(p => p.Cells.Count(c => c.Odd));
}
