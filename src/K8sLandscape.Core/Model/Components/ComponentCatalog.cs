namespace K8sLandscape.Model;

/// <summary>
/// An immutable set of component definitions, keyed by id. The built-in catalog ships inside the
/// library (one YAML file per category under <c>Catalog/Data/</c>); users extend or override it with
/// their own files (a definition with an existing id replaces it).
/// </summary>
// The loaders (built-in data, user files) and the fingerprint index live in Catalog/ComponentCatalog.Loading.cs,
// beside the reader they call, so that the model holds only the definitions.
public sealed partial class ComponentCatalog
{
    private readonly Dictionary<string, ComponentDefinition> _byId;

    /// <summary>Creates a catalog from definitions; a later definition with the same id replaces an earlier one.</summary>
    public ComponentCatalog(IEnumerable<ComponentDefinition> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        _byId = new Dictionary<string, ComponentDefinition>(StringComparer.Ordinal);
        foreach (var c in components) _byId[c.Id] = c;
        Components = _byId.Values.OrderBy(c => c.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every definition, sorted by id.</summary>
    public IReadOnlyList<ComponentDefinition> Components { get; }

    /// <summary>The definition with this id, or null.</summary>
    public ComponentDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The definitions of one category, sorted by id.</summary>
    public IEnumerable<ComponentDefinition> InCategory(string category) =>
        Components.Where(c => string.Equals(c.Category, category, StringComparison.Ordinal));

    /// <summary>A catalog with these definitions added (replacing any with the same id).</summary>
    public ComponentCatalog With(IEnumerable<ComponentDefinition> additions) => new(Components.Concat(additions));
}
