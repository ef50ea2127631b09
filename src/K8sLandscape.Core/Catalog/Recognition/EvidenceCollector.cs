using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Catalog.Recognition;

/// <summary>Gathers evidence per component during a recognition pass (one per worker on a big cluster), then sorts and de-duplicates it.</summary>
internal sealed class EvidenceCollector
{
    private readonly Dictionary<ComponentDefinition, List<Item>> _byComponent = new(ReferenceEqualityComparer.Instance);

    public void Add(ComponentDefinition[] components, KubeObject obj, int ordinal, string fingerprint, string value)
    {
        foreach (var c in components) Add(c, obj, ordinal, fingerprint, value);
    }

    public void Add(ComponentDefinition component, KubeObject obj, int ordinal, string fingerprint, string value)
    {
        if (!_byComponent.TryGetValue(component, out var list)) _byComponent[component] = list = [];
        list.Add(new Item(obj, ordinal, fingerprint, value));
    }

    /// <summary>Takes over the evidence another pass gathered (its collector is not used afterwards).</summary>
    public void AddAll(EvidenceCollector other)
    {
        foreach (var (component, items) in other._byComponent)
        {
            if (_byComponent.TryGetValue(component, out var list)) list.AddRange(items);
            else _byComponent[component] = items;
        }
    }

    public IReadOnlyList<RecognizedComponent> Result()
    {
        var result = new List<RecognizedComponent>(_byComponent.Count);
        foreach (var (component, items) in _byComponent)
        {
            // Objects created in code share an unknown location; input order keeps them deterministic.
            items.Sort(static (a, b) =>
            {
                var c = a.Object.Location.CompareTo(b.Object.Location);
                if (c == 0) c = a.Ordinal.CompareTo(b.Ordinal);
                if (c == 0) c = string.CompareOrdinal(a.Fingerprint, b.Fingerprint);
                return c != 0 ? c : string.CompareOrdinal(a.Value, b.Value);
            });
            var evidence = new List<ComponentEvidence>(items.Count);
            Item? previous = null;
            foreach (var item in items)
            {
                if (previous is { } p && p.Ordinal == item.Ordinal && p.Fingerprint == item.Fingerprint && p.Value == item.Value) continue;
                evidence.Add(new ComponentEvidence(item.Object, item.Fingerprint, item.Value));
                previous = item;
            }

            result.Add(new RecognizedComponent(component, evidence));
        }

        result.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        return result;
    }

    private readonly record struct Item(KubeObject Object, int Ordinal, string Fingerprint, string Value);
}
