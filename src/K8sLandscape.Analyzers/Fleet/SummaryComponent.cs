namespace K8sLandscape.Analyzers.Fleet;

/// <summary>A recognized catalog component of a landscape summary.</summary>
/// <param name="Id">The component id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Category">The catalog category.</param>
/// <param name="Versions">The distinct versions it runs, sorted.</param>
/// <param name="VersionSource">Where <paramref name="Versions"/> were read (<c>image-tag</c>, <c>olm-csv</c>, ...), or null.</param>
public sealed record SummaryComponent(string Id, string Name, string Category, IReadOnlyList<string> Versions, string? VersionSource);
