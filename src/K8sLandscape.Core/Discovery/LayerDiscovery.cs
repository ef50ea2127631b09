using System.Text.Json;
using K8sLandscape.Json;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Layers;

namespace K8sLandscape.Discovery;

/// <summary>Classifies every kind present (and every kind a CRD defines) into its resource layer.
/// Rules, first match wins: a user override (<see cref="LandscapeOptions.LayerOverrides"/>), the
/// built-in table (<see cref="BuiltInLayers"/>), the catalog category of the component serving the
/// kind's API group (<see cref="CategoryLayers"/>), the name heuristic (<see cref="LayerHeuristics"/>),
/// and finally the application layer.</summary>
internal static class LayerDiscovery
{
    public static LayerMap Build(LandscapeContext context)
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

        var overrides = context.Options.LayerOverrides;
        var catalog = context.Catalog;
        return new LayerMap(kinds, kind => Classify(kind, overrides, servers, catalog));
    }

    private static KindLayer Classify(GroupKind kind, IReadOnlyDictionary<string, ResourceLayer> overrides, Dictionary<string, ComponentDefinition> servers, ComponentCatalog catalog)
    {
        var key = kind.ToString();
        if (overrides.TryGetValue(key, out var overridden)) return new KindLayer(kind, overridden, LayerSource.Override, key);
        if (BuiltInLayers.Find(kind) is { } builtIn) return new KindLayer(kind, builtIn, LayerSource.BuiltIn, null);
        var server = servers.GetValueOrDefault(kind.Group) ?? FirstOrNull(catalog.ServingCrdGroup(kind.Group));
        if (server is not null && CategoryLayers.For(server.Category) is { } byCategory)
            return new KindLayer(kind, byCategory, LayerSource.Catalog, $"{server.Id} ({server.Category})");
        if (LayerHeuristics.Classify(kind.Kind) is { } guess) return new KindLayer(kind, guess.Layer, LayerSource.Heuristic, guess.Word);
        return new KindLayer(kind, ResourceLayer.Application, LayerSource.Default, null);
    }

    private static ComponentDefinition? FirstOrNull(IReadOnlyList<ComponentDefinition> list) => list.Count > 0 ? list[0] : null;
}
