using K8sLandscape.Catalog;
using K8sLandscape.Catalog.Reading;
using K8sLandscape.Catalog.Recognition;

namespace K8sLandscape.Model;

/// <summary>The catalog's loaders and fingerprint index: the part of <see cref="ComponentCatalog"/> that reads catalog files.</summary>
public sealed partial class ComponentCatalog
{
    private const string BuiltInResource = "K8sLandscape.Catalog.Data.built-in.txt";
    private RecognizerIndex? _index;

    /// <summary>The catalog that ships inside the library, loaded once on first use.</summary>
    public static ComponentCatalog BuiltIn => BuiltInHolder.Result.Catalog;

    /// <summary>
    /// Problems in the built-in data (a library bug when not empty): the YAML sources are validated by a
    /// test that also regenerates the shipped form, so at run time only a line of that form the reader
    /// does not know can show up here.
    /// </summary>
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

    /// <summary>
    /// Reads the built-in catalog's sources (<c>Catalog/Data/&lt;category&gt;.yaml</c>, in ordinal file
    /// order) with every check a user file gets, plus the library's own: an entry lives in the file of
    /// its category, and an id is defined once. The shipped form is generated from the result.
    /// </summary>
    internal static CatalogLoadResult ReadBuiltInSources(IEnumerable<(string File, string Yaml)> sources)
    {
        var definitions = new List<ComponentDefinition>();
        var diagnostics = new List<CatalogDiagnostic>();
        var fileOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, yaml) in sources.OrderBy(s => s.File, StringComparer.Ordinal))
        {
            var start = definitions.Count;
            CatalogReader.Read(yaml, file, "built-in", definitions, diagnostics);
            var category = Path.GetFileNameWithoutExtension(file);
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

    private static CatalogLoadResult LoadBuiltIn()
    {
        // The generated form of the YAML sources (see BuiltInCatalogText): validated when it was made.
        using var stream = typeof(ComponentCatalog).Assembly.GetManifestResourceStream(BuiltInResource)!;
        using var reader = new StreamReader(stream);
        var diagnostics = new List<CatalogDiagnostic>();
        var definitions = BuiltInCatalogText.Read(reader.ReadToEnd(), BuiltInResource, diagnostics);
        return new CatalogLoadResult(new ComponentCatalog(definitions), diagnostics);
    }

    private static class BuiltInHolder
    {
        public static readonly CatalogLoadResult Result = LoadBuiltIn();
    }
}
