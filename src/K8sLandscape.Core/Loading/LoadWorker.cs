using K8sLandscape.Model.Workloads;

namespace K8sLandscape.Loading;

/// <summary>
/// What one worker thread of one load writes into and shares through: the block arena its bodies
/// go to, and the pools of equal maps and container lists (the replicas of one pod template carry
/// the same ones, so a 100k-object dump holds far fewer distinct ones than objects). It lives as
/// long as the load, so nothing of a finished load stays reachable from a thread (thread-static
/// pools kept up to 16,000 maps and lists of old loads alive in a process that loads many clusters).
/// </summary>
internal sealed class LoadWorker
{
    // A full pool starts over rather than growing: what it held stays valid where used.
    private const int MaxPooled = 1 << 14;

    [ThreadStatic]
    private static LoadWorker? t_current;

    private readonly HashSet<CompactStringMap> _maps = new(CompactStringMap.ContentComparer);
    private readonly HashSet<ContainerInfo[]> _containers = new(ContainerListComparer.Instance);

    public BodyArena Arena { get; } = new();

    /// <summary>Makes this the current worker of the thread until the returned scope is disposed.</summary>
    public Scope Enter()
    {
        var previous = t_current;
        t_current = this;
        return new Scope(previous);
    }

    /// <summary>The current load's map equal to <paramref name="map"/>; outside a load (objects made in code), the map itself.</summary>
    public static CompactStringMap ShareMap(CompactStringMap map) => t_current is { } worker ? Share(worker._maps, map) : map;

    /// <summary>The current load's container list equal to <paramref name="containers"/>; outside a load, the list itself.</summary>
    public static ContainerInfo[] ShareContainers(ContainerInfo[] containers) =>
        containers.Length == 0 ? [] : t_current is { } worker ? Share(worker._containers, containers) : containers;

    private static T Share<T>(HashSet<T> pool, T value)
    {
        if (pool.TryGetValue(value, out var shared)) return shared;
        if (pool.Count >= MaxPooled) pool.Clear();
        pool.Add(value);
        return value;
    }

    /// <summary>Restores the thread's previous worker.</summary>
    public readonly struct Scope(LoadWorker? previous) : IDisposable
    {
        public void Dispose() => t_current = previous;
    }
}
