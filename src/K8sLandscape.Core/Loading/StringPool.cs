namespace K8sLandscape.Loading;

/// <summary>
/// Shares the copies of short strings that repeat across objects (label and annotation keys and
/// values, namespaces, kinds): 100,000 objects hold a few distinct label keys a million times.
/// One pool per loading thread, so there is no lock; bounded, so unusual input cannot grow it.
/// </summary>
internal static class StringPool
{
    private const int MaxLength = 128;
    private const int MaxEntries = 1 << 16;

    [ThreadStatic]
    private static HashSet<string>? t_pool;

    public static string Share(string value)
    {
        if (value.Length > MaxLength) return value;
        var pool = t_pool ??= new HashSet<string>(StringComparer.Ordinal);
        if (pool.TryGetValue(value, out var shared)) return shared;
        // A full pool starts over rather than growing: the strings it held stay valid where used.
        if (pool.Count >= MaxEntries) pool.Clear();
        pool.Add(value);
        return value;
    }
}
