namespace K8sLandscape.Analyzers.Fleet;

/// <summary>One cell of the fleet matrix: what one cluster runs at one extension point.</summary>
/// <param name="Display">Implementations with versions (<c>calico 3.28.0</c>); empty when the cluster has none here.</param>
/// <param name="Signature">Implementations, versions and settings: cells with equal signatures are the same variant.</param>
/// <param name="Odd">True when the cell differs from the variant most clusters run (absence counts as a variant).</param>
public sealed record FleetCell(string Display, string Signature, bool Odd)
{
    /// <summary>True when the cluster has an implementation here.</summary>
    public bool Present => Display.Length > 0;
}
