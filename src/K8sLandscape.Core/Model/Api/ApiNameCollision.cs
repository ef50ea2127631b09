namespace K8sLandscape.Model.Api;

/// <summary>A name claimed by more than one distinct resource (the same CRD shipped twice is a duplicate, not a collision).</summary>
/// <param name="Name">The contested name.</param>
/// <param name="Claimants">Every claim on it, sorted by resource, then location.</param>
public sealed record ApiNameCollision(string Name, IReadOnlyList<ApiClaimant> Claimants)
{
    /// <summary>The distinct resources (<c>plural.group</c>) among the claimants, sorted.</summary>
    public IReadOnlyList<string> Resources => Claimants.Select(c => c.Resource).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>True when a built-in resource is among the claimants.</summary>
    public bool InvolvesBuiltIn => Claimants.Any(c => c.Source == ApiClaimantSource.BuiltIn);
}
