using K8sLandscape.Loading;

namespace K8sLandscape.Model;

/// <summary>
/// All objects of a landscape with the lookups every area and analyzer needs, built once in O(n):
/// by group and kind, and by API identity (several documents may define the same object).
/// </summary>
public sealed class ObjectIndex
{
    private static readonly IReadOnlyList<KubeObject> None = [];
    private readonly Dictionary<GroupKind, List<KubeObject>> _byKind = [];
    // One array per identity: a list per object cost 100k lists on a large cluster, where
    // duplicates are rare.
    private readonly Dictionary<ObjectRef, KubeObject[]> _byRef = [];

    /// <summary>Indexes objects (kept in the given order).</summary>
    public ObjectIndex(IEnumerable<KubeObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var all = new List<KubeObject>();
        foreach (var o in objects)
        {
            all.Add(o);
            var gk = o.Gvk.GroupKind;
            if (!_byKind.TryGetValue(gk, out var list)) _byKind[gk] = list = [];
            list.Add(o);
            ref var same = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_byRef, o.Ref, out _);
            same = same is null ? [o] : [.. same, o];
        }

        All = all;
        Kinds = _byKind.Keys.OrderBy(k => k.Group, StringComparer.Ordinal).ThenBy(k => k.Kind, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every object, in input order.</summary>
    public IReadOnlyList<KubeObject> All { get; }

    /// <summary>The distinct group/kinds present, sorted.</summary>
    public IReadOnlyList<GroupKind> Kinds { get; }

    /// <summary>Objects of one group and kind, any version (core group: empty string).</summary>
    public IReadOnlyList<KubeObject> OfKind(string group, string kind) => OfKind(new GroupKind(group, kind));

    /// <summary>Objects of one group and kind, any version.</summary>
    public IReadOnlyList<KubeObject> OfKind(GroupKind groupKind) => _byKind.TryGetValue(groupKind, out var l) ? l : None;

    /// <summary>Every document that defines the object with this identity (more than one means a duplicate).</summary>
    public IReadOnlyList<KubeObject> Find(ObjectRef reference) => _byRef.TryGetValue(reference, out var l) ? l : None;

    /// <summary>Identities defined by more than one document, sorted.</summary>
    public IEnumerable<KeyValuePair<ObjectRef, List<KubeObject>>> Duplicates =>
        _byRef.Where(p => p.Value.Length > 1).OrderBy(p => p.Key).Select(p => new KeyValuePair<ObjectRef, List<KubeObject>>(p.Key, [.. p.Value]));
}
