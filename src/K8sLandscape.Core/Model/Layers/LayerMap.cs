using K8sLandscape.Json;
using System.Text.Json;
using K8sLandscape.Catalog;
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
    private readonly IReadOnlyDictionary<string, ResourceLayer> _overrides;
    private readonly Dictionary<string, ComponentDefinition> _servers;
    private readonly ComponentCatalog _catalog;

    private LayerMap(IReadOnlyDictionary<string, ResourceLayer> overrides, Dictionary<string, ComponentDefinition> servers, ComponentCatalog catalog, IEnumerable<GroupKind> kinds)
    {
        _overrides = overrides;
        _servers = servers;
        _catalog = catalog;
        _byKind = [];
        foreach (var k in kinds) _byKind.TryAdd(k, Classify(k));
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
    public KindLayer Find(GroupKind kind) => _byKind.TryGetValue(kind, out var known) ? known : Classify(kind);

    /// <summary>The kinds present in one layer, sorted by group then kind.</summary>
    public IEnumerable<KindLayer> InLayer(ResourceLayer layer) => Kinds.Where(k => k.Layer == layer);

    internal static LayerMap Build(LandscapeContext context)
    {
        // Recognized components decide first (they are what this cluster runs). A CRD is evidence
        // for every component that lists its group, so among those the one with the most other
        // evidence (workloads, images, ...) wins; ties go to the smaller id (components are sorted).
        var servers = new Dictionary<string, ComponentDefinition>(StringComparer.Ordinal);
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in context.Components)
        {
            var score = 0;
            foreach (var e in c.Evidence)
            {
                if (e.Fingerprint != "crdGroup") score++;
            }

            foreach (var g in c.Definition.Fingerprints.ServedGroups)
            {
                if (scores.TryGetValue(g, out var best) && best >= score) continue;
                scores[g] = score;
                servers[g] = c.Definition;
            }
        }

        var kinds = new List<GroupKind>(context.Objects.Kinds);
        foreach (var crd in context.Objects.OfKind("apiextensions.k8s.io", "CustomResourceDefinition"))
        {
            if (crd.Body.TryGetProperty("spec", out var spec) && spec.ValueKind == JsonValueKind.Object
                && JsonFields.Str(spec, "group") is { Length: > 0 } group
                && spec.TryGetProperty("names", out var names) && JsonFields.Str(names, "kind") is { Length: > 0 } kind)
            {
                kinds.Add(new GroupKind(group, kind));
            }
        }

        return new LayerMap(context.Options.LayerOverrides, servers, context.Catalog, kinds);
    }

    private KindLayer Classify(GroupKind kind)
    {
        var key = kind.ToString();
        if (_overrides.TryGetValue(key, out var overridden)) return new KindLayer(kind, overridden, LayerSource.Override, key);
        if (BuiltInLayers.Find(kind) is { } builtIn) return new KindLayer(kind, builtIn, LayerSource.BuiltIn, null);
        var server = _servers.GetValueOrDefault(kind.Group) ?? FirstOrNull(_catalog.ServingCrdGroup(kind.Group));
        if (server is not null && CategoryLayers.For(server.Category) is { } byCategory)
            return new KindLayer(kind, byCategory, LayerSource.Catalog, $"{server.Id} ({server.Category})");
        if (LayerHeuristics.Classify(kind.Kind) is { } guess) return new KindLayer(kind, guess.Layer, LayerSource.Heuristic, guess.Word);
        return new KindLayer(kind, ResourceLayer.Application, LayerSource.Default, null);
    }

    private static ComponentDefinition? FirstOrNull(IReadOnlyList<ComponentDefinition> list) => list.Count > 0 ? list[0] : null;

}
