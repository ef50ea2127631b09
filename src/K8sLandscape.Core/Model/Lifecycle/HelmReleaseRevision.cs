using K8sLandscape.Loading;

namespace K8sLandscape.Model.Lifecycle;

/// <summary>One revision of a Helm release, as its release Secret (or ConfigMap) records it.</summary>
/// <param name="Record">The Secret or ConfigMap, e.g. <c>sh.helm.release.v1.my-app.v3</c>.</param>
/// <param name="Version">The revision number (label <c>version</c>).</param>
/// <param name="Status">The status (label <c>status</c>); <see cref="HelmReleaseStatus.Unknown"/> when unreadable.</param>
/// <param name="StatusText">The <c>status</c> label as written.</param>
public sealed record HelmReleaseRevision(KubeObject Record, int Version, HelmReleaseStatus Status, string? StatusText);
