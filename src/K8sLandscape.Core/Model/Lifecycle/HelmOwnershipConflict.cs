using K8sLandscape.Loading;

namespace K8sLandscape.Model.Lifecycle;

/// <summary>One object (by API identity) claimed by more than one Helm release.</summary>
/// <param name="Object">The contested identity.</param>
/// <param name="Releases">The claiming releases, sorted by id.</param>
/// <param name="Documents">The documents that make the claims, in location order.</param>
public sealed record HelmOwnershipConflict(ObjectRef Object, IReadOnlyList<HelmRelease> Releases, IReadOnlyList<KubeObject> Documents);
