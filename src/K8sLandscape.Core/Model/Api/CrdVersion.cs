namespace K8sLandscape.Model.Api;

/// <summary>One version of a CRD (<c>spec.versions[i]</c>).</summary>
/// <param name="Name">The version, e.g. <c>v1beta1</c>.</param>
/// <param name="Served">Whether the API server serves it.</param>
/// <param name="Storage">Whether objects are stored in it (exactly one version should be).</param>
/// <param name="Deprecated">Whether it is marked deprecated.</param>
/// <param name="DeprecationWarning">The warning returned to clients, if any.</param>
/// <param name="Path">The field path, e.g. <c>spec.versions[1]</c> (<c>spec.version</c> for the single-version v1beta1 form).</param>
public sealed record CrdVersion(string Name, bool Served, bool Storage, bool Deprecated, string? DeprecationWarning, string Path);
