using K8sLandscape.Catalog;
using K8sLandscape.Catalog.Reading;
using K8sLandscape.Catalog.Recognition;

namespace K8sLandscape.Model;

/// <summary>The catalog's loaders and fingerprint index: the part of <see cref="ComponentCatalog"/> that reads catalog files.</summary>
public sealed partial class ComponentCatalog
{
    private const string ResourcePrefix = "K8sLandscape.Catalog.Data.";
    private RecognizerIndex? _index;

    /// <summary>The catalog that ships inside the library, loaded once on first use.</summary>
    public static ComponentCatalog BuiltIn => BuiltInHolder.Result.Catalog;

    /// <summary>Problems in the built-in data (a library bug when not empty; a test keeps it empty).</summary>
    public static IReadOnlyList<CatalogDiagnostic> BuiltInDiagnostics => BuiltInHolder.Result.Diagnostics;

    /// <summary>The definitions that list this CRD group among their fingerprints, sorted by id.</summary>
    public IReadOnlyList<ComponentDefinition> ServingCrdGroup(string group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return Index.CrdGroups.TryGetValue(group, out var list) ? list : [];
    }

    /// <summary>
    /// Reads catalog files and merges them over the built-in catalog in the given order (a later
    /// entry replaces an earlier one with the same id; its <see cref="ComponentDefinition.Origin"/> is
    /// the file). Entries with problems are left out and reported; the others load.
    /// </summary>
    public static CatalogLoadResult LoadFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var definitions = new List<ComponentDefinition>();
        var diagnostics = new List<CatalogDiagnostic>();
        foreach (var path in paths)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                diagnostics.Add(new CatalogDiagnostic(path, 0, 0, null, null, "cannot read the catalog file: " + ex.Message));
                continue;
            }

            CatalogReader.Read(text, path, path, definitions, diagnostics);
        }

        return new CatalogLoadResult(BuiltIn.With(definitions), diagnostics);
    }

    /// <summary>
    /// Parses catalog YAML on its own (without the built-in catalog), for tests and tools; entries get
    /// <paramref name="path"/> as their origin.
    /// </summary>
    public static CatalogLoadResult Parse(string yaml, string path)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(path);
        var definitions = new List<ComponentDefinition>();
        var diagnostics = new List<CatalogDiagnostic>();
        CatalogReader.Read(yaml, path, path, definitions, diagnostics);
        return new CatalogLoadResult(new ComponentCatalog(definitions), diagnostics);
    }

    /// <summary>Fingerprint lookups, built once per catalog on first use.</summary>
    internal RecognizerIndex Index => LazyInitializer.EnsureInitialized(ref _index, () => new RecognizerIndex(Components));

    private static CatalogLoadResult LoadBuiltIn()
    {
        var assembly = typeof(ComponentCatalog).Assembly;
        var definitions = new List<ComponentDefinition>();
        var diagnostics = new List<CatalogDiagnostic>();
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal);
        var fileOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var file = name[ResourcePrefix.Length..];
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var start = definitions.Count;
            CatalogReader.Read(reader.ReadToEnd(), file, "built-in", definitions, diagnostics);
            var category = file[..^".yaml".Length];
            for (var i = start; i < definitions.Count; i++)
            {
                var d = definitions[i];

                // One file per category keeps ownership clear; an entry in the wrong file is a data bug.
                if (!string.Equals(d.Category, category, StringComparison.Ordinal))
                    diagnostics.Add(new CatalogDiagnostic(file, 0, 0, d.Id, "category", $"'{d.Category}' does not match the file; built-in entries live in <category>.yaml"));

                // Across user files a repeated id is an override; inside the library it is a mistake.
                if (fileOf.TryGetValue(d.Id, out var other))
                    diagnostics.Add(new CatalogDiagnostic(file, 0, 0, d.Id, "id", $"duplicate id; {other} defines it already"));
                else fileOf[d.Id] = file;
            }
        }

        return new CatalogLoadResult(new ComponentCatalog(definitions), diagnostics);
    }

    private static class BuiltInHolder
    {
        public static readonly CatalogLoadResult Result = LoadBuiltIn();
    }
}
