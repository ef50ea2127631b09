using K8sLandscape.Model;
using K8sLandscape.Model.Api;

namespace K8sLandscape.Discovery;

/// <summary>
/// Finds the catalog component that owns an API group: one recognized from the input when there
/// is one, else the first catalog entry (by id) listing the group, so ownership is known even for
/// a component that shipped only its CRDs.
/// </summary>
internal sealed class GroupOwnerResolver
{
    private readonly Dictionary<string, List<ComponentDefinition>> _byGroup = new(StringComparer.Ordinal);
    private readonly LandscapeContext _context;
    private readonly Dictionary<string, string?> _cache = new(StringComparer.Ordinal);

    internal GroupOwnerResolver(LandscapeContext context)
    {
        _context = context;
        foreach (var d in context.Catalog.Components)
        {
            foreach (var g in d.Fingerprints.ServedGroups)
            {
                if (!_byGroup.TryGetValue(g, out var list)) _byGroup[g] = list = [];
                list.Add(d);
            }
        }
    }

    internal string? Owner(string group)
    {
        if (_cache.TryGetValue(group, out var cached)) return cached;
        string? owner = null;
        if (_byGroup.TryGetValue(group, out var defs))
        {
            owner = (defs.FirstOrDefault(d => _context.Component(d.Id) is not null) ?? defs[0]).Id;
        }

        _cache[group] = owner;
        return owner;
    }

    internal IReadOnlyDictionary<string, string> Resolved() =>
        _cache.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
}
