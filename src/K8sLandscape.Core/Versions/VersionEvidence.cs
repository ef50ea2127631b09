using K8sLandscape.Loading;

namespace K8sLandscape.Versions;

/// <summary>One version of a component and where it was read.</summary>
/// <param name="Version">The version, a leading <c>v</c> before a digit removed (<c>v1.14.4</c> and <c>1.14.4</c> are one version).</param>
/// <param name="Source">One of <see cref="VersionSources"/>.</param>
/// <param name="Detail">What was read, e.g. the image reference or the label value.</param>
/// <param name="Object">The object it was read from.</param>
public sealed record VersionEvidence(string Version, string Source, string Detail, KubeObject Object);
