namespace K8sLandscape.Loading;

/// <summary>
/// What one worker thread of one load writes into and shares through: the block arena its bodies
/// go to and the pools of equal maps and container lists. It lives as long as the load, so nothing
/// of a finished load stays reachable from a thread (a thread-static pool kept up to 16,000 maps and
/// lists of old loads alive in a process that loads many clusters).
/// </summary>
internal sealed class LoadWorker
{
    private const int MaxPooled = 1 << 14;

    [ThreadStatic]
    private static LoadWorker? t_current;

    private readonly HashSet<CompactStringMap> _maps = new(CompactStringMap.ContentComparer);
    private object? _containers;

    public BodyArena Arena { get; } = new();

    /// <summary>The worker whose item this thread is reading, or null outside a load.</summary>
    public static LoadWorker? Current => t_current;

    /// <summary>Makes this the current worker of the thread until the returned scope is disposed.</summary>
    public Scope Enter()
    {
        var previous = t_current;
        t_current = this;
        return new Scope(previous);
    }

    /// <summary>The pooled map equal to <paramref name="map"/> (bounded: a full pool starts over).</summary>
    public CompactStringMap Share(CompactStringMap map)
    {
        if (_maps.TryGetValue(map, out var shared)) return shared;
        if (_maps.Count >= MaxPooled) _maps.Clear();
        _maps.Add(map);
        return map;
    }

    /// <summary>A pool of another type kept for the load (container lists), made on first use.</summary>
    public T Pool<T>(Func<T> create) where T : class => (T)(_containers ??= create());

    /// <summary>Restores the thread's previous worker.</summary>
    public readonly struct Scope(LoadWorker? previous) : IDisposable
    {
        public void Dispose() => t_current = previous;
    }
}
