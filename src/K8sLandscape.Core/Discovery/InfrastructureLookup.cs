using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Discovery;

/// <summary>
/// Helpers the infrastructure surfaces share: catalog lookups by fingerprint value (a RuntimeClass
/// handler or a StorageClass provisioner must be attributed even when the recognizer did not list
/// it) and the assembly of extension point implementations.
/// </summary>
internal static class InfrastructureLookup
{
    /// <summary>Maps each value of one fingerprint list to the first definition (by id) that lists it.</summary>
    public static Dictionary<string, ComponentDefinition> ByFingerprint(ComponentCatalog catalog, Func<Fingerprints, IReadOnlyList<string>> select)
    {
        var map = new Dictionary<string, ComponentDefinition>(StringComparer.Ordinal);
        foreach (var c in catalog.Components)
        {
            foreach (var value in select(c.Fingerprints)) map.TryAdd(value, c);
        }

        return map;
    }

    /// <summary>
    /// Builds the implementations of an extension point from (id, definition or null, objects) parts:
    /// merges parts with the same id, folds a component into another present one that includes it
    /// (canal includes calico and flannel: one install, not two) and sorts by id.
    /// </summary>
    public static IReadOnlyList<ExtensionImplementation> Implementations(IEnumerable<(string Id, ComponentDefinition? Definition, IEnumerable<KubeObject> Objects)> parts)
    {
        var byId = new Dictionary<string, (ComponentDefinition? Def, HashSet<KubeObject> Objects)>(StringComparer.Ordinal);
        foreach (var (id, def, objects) in parts)
        {
            if (!byId.TryGetValue(id, out var entry)) byId[id] = entry = (def, new HashSet<KubeObject>(ReferenceEqualityComparer.Instance));
            entry.Objects.UnionWith(objects);
        }

        foreach (var (id, entry) in byId.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray())
        {
            if (entry.Def is null || !byId.ContainsKey(id)) continue;
            foreach (var included in entry.Def.Includes)
            {
                if (included == id || !byId.Remove(included, out var inner)) continue;
                entry.Objects.UnionWith(inner.Objects);
            }
        }

        return byId
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new ExtensionImplementation(
                p.Key,
                p.Value.Def?.Name ?? p.Key,
                p.Value.Def is not null,
                p.Value.Objects.OrderBy(o => o.Location).ThenBy(o => o.Ref).ToArray()))
            .ToArray();
    }

    /// <summary>Every object that is evidence for some recognized component.</summary>
    public static HashSet<KubeObject> RecognizedObjects(LandscapeContext context)
    {
        var set = new HashSet<KubeObject>(ReferenceEqualityComparer.Instance);
        foreach (var c in context.Components)
        {
            foreach (var e in c.Evidence) set.Add(e.Object);
        }

        return set;
    }

    /// <summary>
    /// Workloads that mount a host path under one of <paramref name="prefixes"/> and belong to no
    /// recognized component: host-level extensions the catalog does not know, as implementations
    /// with ids <c>workload:Kind/namespace/name</c>.
    /// </summary>
    public static IEnumerable<(string Id, ComponentDefinition? Definition, IEnumerable<KubeObject> Objects)> UnrecognizedHostPathWorkloads(
        LandscapeContext context, HashSet<KubeObject> recognized, IReadOnlyList<string> prefixes)
    {
        foreach (var w in context.Workloads)
        {
            if (recognized.Contains(w.Object)) continue;
            if (!w.HostPaths.Any(h => prefixes.Any(p => IsUnder(h.HostPath, p)))) continue;
            var o = w.Object;
            yield return ($"workload:{o.Kind}/{o.Namespace ?? "default"}/{o.Name}", null, [o]);
        }
    }

    private static bool IsUnder(string path, string prefix)
    {
        var p = path.TrimEnd('/');
        return p == prefix || p.StartsWith(prefix + "/", StringComparison.Ordinal);
    }
}
