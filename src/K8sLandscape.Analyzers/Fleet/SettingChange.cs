namespace K8sLandscape.Analyzers.Fleet;

/// <summary>A setting of an implementation that differs between two clusters.</summary>
/// <param name="Key">The setting, e.g. <c>crd/certificates.cert-manager.io.served</c>.</param>
/// <param name="A">Its value in the first cluster, or null when not set there.</param>
/// <param name="B">Its value in the second cluster, or null when not set there.</param>
public sealed record SettingChange(string Key, string? A, string? B);
