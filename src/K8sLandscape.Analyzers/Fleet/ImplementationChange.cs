namespace K8sLandscape.Analyzers.Fleet;

/// <summary>An implementation both clusters have at an extension point, at different versions or settings.</summary>
/// <param name="Id">The implementation id.</param>
/// <param name="Name">Display name.</param>
/// <param name="VersionsA">Its versions in the first cluster.</param>
/// <param name="VersionsB">Its versions in the second cluster.</param>
/// <param name="Settings">The settings that differ, sorted by key.</param>
public sealed record ImplementationChange(string Id, string Name, IReadOnlyList<string> VersionsA, IReadOnlyList<string> VersionsB, IReadOnlyList<SettingChange> Settings)
{
    /// <summary>True when the versions differ.</summary>
    public bool VersionChanged => !VersionsA.SequenceEqual(VersionsB, StringComparer.Ordinal);
}
