using K8sLandscape.Catalog.Reading;
using K8sLandscape.Catalog.Recognition;

namespace K8sLandscape.Catalog;

/// <summary>
/// An immutable set of component definitions, keyed by id. The built-in catalog ships inside the
/// library (one YAML file per category under <c>Catalog/Data/</c>); users extend or override it with
/// their own files (a definition with an existing id replaces it).
/// </summary>
public sealed class ComponentCatalog
{
    private const string ResourcePrefix = "K8sLandscape.Catalog.Data.";
    private readonly Dictionary<string, ComponentDefinition> _byId;
    private RecognizerIndex? _index;

    /// <summary>Creates a catalog from definitions; a later definition with the same id replaces an earlier one.</summary>
    public ComponentCatalog(IEnumerable<ComponentDefinition> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        _byId = new Dictionary<string, ComponentDefinition>(StringComparer.Ordinal);
        foreach (var c in components) _byId[c.Id] = c;
        Components = _byId.Values.OrderBy(c => c.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The catalog that ships inside the library, loaded once on first use.</summary>
    public static ComponentCatalog BuiltIn => BuiltInHolder.Result.Catalog;

    /// <summary>Problems in the built-in data (a library bug when not empty; a test keeps it empty).</summary>
    public static IReadOnlyList<CatalogDiagnostic> BuiltInDiagnostics => BuiltInHolder.Result.Diagnostics;

    /// <summary>Every definition, sorted by id.</summary>
    public IReadOnlyList<ComponentDefinition> Components { get; }

    /// <summary>The definition with this id, or null.</summary>
    public ComponentDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The definitions of one category, sorted by id.</summary>
    public IEnumerable<ComponentDefinition> InCategory(string category) =>
        Components.Where(c => string.Equals(c.Category, category, StringComparison.Ordinal));

    /// <summary>The definitions that list this CRD group among their fingerprints, sorted by id.</summary>
    public IReadOnlyList<ComponentDefinition> ServingCrdGroup(string group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return Index.CrdGroups.TryGetValue(group, out var list) ? list : [];
    }

    /// <summary>A catalog with these definitions added (replacing any with the same id).</summary>
    public ComponentCatalog With(IEnumerable<ComponentDefinition> additions) => new(Components.Concat(additions));

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
