using K8sLandscape.Loading;

namespace K8sLandscape.Model.Workloads;

/// <summary>
/// Shares equal container lists across the workloads of one load: the replicas of a pod template
/// have the same containers, so 40k pods of a large cluster need a few thousand lists. The pool is
/// the current <see cref="LoadWorker"/>'s (bounded, starting over when full); outside a load lists
/// are not pooled.
/// </summary>
internal static class ContainerPool
{
    private const int MaxEntries = 1 << 14;

    public static ContainerInfo[] Share(ContainerInfo[] containers)
    {
        if (containers.Length == 0) return [];
        if (LoadWorker.Current is not { } worker) return containers;
        var pool = worker.Pool(() => new HashSet<ContainerInfo[]>(ListComparer.Instance));
        if (pool.TryGetValue(containers, out var shared)) return shared;
        if (pool.Count >= MaxEntries) pool.Clear();
        pool.Add(containers);
        return containers;
    }

    // Maps are compared by reference: the loader shares equal ones (MapPool), so equal maps of
    // replicas are one instance, and two that are not only cost a list that is not shared.
    private sealed class ListComparer : IEqualityComparer<ContainerInfo[]>
    {
        public static readonly ListComparer Instance = new();

        public bool Equals(ContainerInfo[]? x, ContainerInfo[]? y)
        {
            if (ReferenceEquals(x, y)) return true;
            if (x is null || y is null || x.Length != y.Length) return false;
            for (var i = 0; i < x.Length; i++)
            {
                if (!Same(x[i], y[i])) return false;
            }

            return true;
        }

        public int GetHashCode(ContainerInfo[] list)
        {
            var hash = new HashCode();
            foreach (var c in list)
            {
                hash.Add(c.Name, StringComparer.Ordinal);
                hash.Add(c.Image, StringComparer.Ordinal);
                hash.Add(c.Path, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }

        private static bool Same(ContainerInfo a, ContainerInfo b) =>
            a.IsInit == b.IsInit
            && string.Equals(a.Name, b.Name, StringComparison.Ordinal)
            && string.Equals(a.Image, b.Image, StringComparison.Ordinal)
            && string.Equals(a.Path, b.Path, StringComparison.Ordinal)
            && ReferenceEquals(a.Requests, b.Requests)
            && ReferenceEquals(a.Limits, b.Limits)
            && ReferenceEquals(a.Env, b.Env)
            && a.Command.SequenceEqual(b.Command, StringComparer.Ordinal)
            && a.Args.SequenceEqual(b.Args, StringComparer.Ordinal);
    }
}
