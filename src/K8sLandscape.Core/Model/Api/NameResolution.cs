namespace K8sLandscape.Model.Api;

/// <summary>Which resource kubectl reaches through a contested bare name, and why.</summary>
/// <param name="Winner">The resource kubectl picks, or null when the claimants share a group (<see cref="NameResolutionBasis.SameGroup"/>).</param>
/// <param name="Basis">Why it wins.</param>
/// <param name="LegacyWinner">
/// The resource picked through the older, unaggregated discovery (<c>/apis</c> sorted by APIService
/// name, <c>version.group</c>) when that differs from <paramref name="Winner"/>; otherwise null.
/// </param>
/// <param name="Losers">The other resources (<c>plural.group</c>), sorted, which the bare name does not reach.</param>
public sealed record NameResolution(ApiClaimant? Winner, NameResolutionBasis Basis, ApiClaimant? LegacyWinner, IReadOnlyList<string> Losers);
