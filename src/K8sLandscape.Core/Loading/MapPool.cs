namespace K8sLandscape.Loading;

/// <summary>
/// Shares equal label, annotation, resource and env maps across objects: the replicas of one pod
/// template carry the same maps, so a 100k-object dump holds far fewer distinct maps than objects.
/// Like <see cref="StringPool"/>: one pool per loading thread (no lock), bounded, and starting
/// over when full (the maps it held stay valid where used).
/// </summary>
internal static class MapPool
{
    private const int MaxEntries = 1 << 14;

    [ThreadStatic]
    private static HashSet<CompactStringMap>? t_pool;

    public static CompactStringMap Share(CompactStringMap map)
    {
        var pool = t_pool ??= new HashSet<CompactStringMap>(CompactStringMap.ContentComparer);
        if (pool.TryGetValue(map, out var shared)) return shared;
        if (pool.Count >= MaxEntries) pool.Clear();
        pool.Add(map);
        return map;
    }
}
