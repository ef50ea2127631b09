namespace K8sLandscape.Catalog;

/// <summary>
/// An immutable set of component definitions, keyed by id. The built-in catalog ships inside the
/// library; users extend or override it with their own files (a definition with an existing id
/// replaces it).
/// </summary>
public sealed class ComponentCatalog
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

    /// <summary>The catalog that ships inside the library.</summary>
    public static ComponentCatalog BuiltIn { get; } = new([]);

    /// <summary>Every definition, sorted by id.</summary>
    public IReadOnlyList<ComponentDefinition> Components { get; }

    /// <summary>The definition with this id, or null.</summary>
    public ComponentDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>A catalog with these definitions added (replacing any with the same id).</summary>
    public ComponentCatalog With(IEnumerable<ComponentDefinition> additions) => new(Components.Concat(additions));
}
