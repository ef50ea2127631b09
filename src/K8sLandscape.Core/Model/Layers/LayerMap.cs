using K8sLandscape.Loading;

namespace K8sLandscape.Model.Layers;

/// <summary>
/// The resource layer of every kind present in a landscape (and of every kind its CRDs define).
/// Rules, first match wins: a user override (<see cref="LandscapeOptions.LayerOverrides"/>), the
/// built-in table (<see cref="BuiltInLayers"/>), the catalog category of the component serving the
/// kind's API group (<see cref="CategoryLayers"/>), the name heuristic (<see cref="LayerHeuristics"/>),
/// and finally the application layer.
/// </summary>
public sealed class LayerMap
{
    private readonly Dictionary<GroupKind, KindLayer> _byKind;

    // Kinds that are not present are classified on demand by the same rules discovery applied.
    private readonly Func<GroupKind, KindLayer> _classify;

    internal LayerMap(IEnumerable<GroupKind> kinds, Func<GroupKind, KindLayer> classify)
    {
        _classify = classify;
        _byKind = [];
        foreach (var k in kinds) _byKind.TryAdd(k, classify(k));
        Kinds = _byKind.Values.OrderBy(k => k.Kind.Group, StringComparer.Ordinal).ThenBy(k => k.Kind.Kind, StringComparer.Ordinal).ToArray();
        Layers = Kinds.ToDictionary(k => k.Kind, k => k.Layer);
    }

    /// <summary>Layer per kind present.</summary>
    public IReadOnlyDictionary<GroupKind, ResourceLayer> Layers { get; }

    /// <summary>Every kind present with its layer and the rule that decided it, sorted by group then kind.</summary>
    public IReadOnlyList<KindLayer> Kinds { get; }

    /// <summary>The layer of a kind (present or not: the same rules apply).</summary>
    public ResourceLayer LayerOf(GroupKind kind) => Find(kind).Layer;

    /// <summary>The rule that decided the layer of a kind.</summary>
    public LayerSource SourceOf(GroupKind kind) => Find(kind).Source;

    /// <summary>The layer of a kind with the rule and reason behind it.</summary>
    public KindLayer Find(GroupKind kind) => _byKind.TryGetValue(kind, out var known) ? known : _classify(kind);

    /// <summary>The kinds present in one layer, sorted by group then kind.</summary>
    public IEnumerable<KindLayer> InLayer(ResourceLayer layer) => Kinds.Where(k => k.Layer == layer);
}
