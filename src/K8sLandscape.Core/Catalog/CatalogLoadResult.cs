using K8sLandscape.Model;

namespace K8sLandscape.Catalog;

/// <summary>The result of reading catalog files: the catalog built from every valid entry, and the problems found.</summary>
/// <param name="Catalog">The catalog (entries with problems are left out; the others load).</param>
/// <param name="Diagnostics">Problems, in file and line order.</param>
public sealed record CatalogLoadResult(ComponentCatalog Catalog, IReadOnlyList<CatalogDiagnostic> Diagnostics)
{
    /// <summary>True when no problem was found.</summary>
    public bool IsValid => Diagnostics.Count == 0;
}
