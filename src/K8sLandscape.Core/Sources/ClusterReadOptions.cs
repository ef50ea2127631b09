namespace K8sLandscape.Sources;

/// <summary>Settings for reading a live cluster. The defaults suit a real API server.</summary>
public sealed record ClusterReadOptions
{
    /// <summary>The default settings.</summary>
    public static ClusterReadOptions Default { get; } = new();

    /// <summary>The kinds to read; the defaults are <see cref="ClusterKinds.All"/>.</summary>
    public IReadOnlyList<ClusterKind> Kinds { get; init; } = ClusterKinds.All;

    /// <summary>Restricts namespaced kinds to these namespaces; empty (the default) reads every namespace.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>The namespaces <see cref="ClusterNamespaceScope.SystemNamespaces"/> kinds (ConfigMaps) are read from.</summary>
    public IReadOnlyList<string> SystemNamespaces { get; init; } = ClusterKinds.DefaultSystemNamespaces;

    /// <summary>Reads <see cref="ClusterNamespaceScope.SystemNamespaces"/> kinds (ConfigMaps) from every namespace instead.</summary>
    public bool AllNamespacesForSystemScopedKinds { get; init; }

    /// <summary>Whether pods are read (they can be most of a cluster's objects). On by default.</summary>
    public bool IncludePods { get; init; } = true;

    /// <summary>Items asked for per list request (<c>limit</c>); the server may return fewer.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Requests in flight at once.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>
    /// Times one request is repeated after a 429, a 5xx, a timeout or a dropped connection. A refused
    /// connection is not repeated: nothing listens there, and waiting would only delay the answer.
    /// </summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The wait before the first retry; it doubles with each retry (with jitter) up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest wait between retries (a server's <c>Retry-After</c> is honoured up to this).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one request may take before it is abandoned and retried.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Times a list is started again after its continue token expired (410 Gone).</summary>
    public int MaxListRestarts { get; init; } = 3;

    /// <summary>
    /// One deadline for the whole scan, or null for none. When it passes, requests in flight are
    /// abandoned, no request starts, and what was not read is reported as failed: the read still returns.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Pages one list may take before it is stopped as runaway (with <see cref="PageSize"/> 500, five million objects).</summary>
    public int MaxPagesPerList { get; init; } = 10_000;

    /// <summary>
    /// The largest answer read (the body of one request). A page larger than this is discarded and its
    /// kind reported failed; a real page of 500 objects is a few MiB, so this only stops a runaway body.
    /// </summary>
    public long MaxResponseBytes { get; init; } = 256L << 20;

    /// <summary>Bytes read in all before the scan stops asking: no request starts after that, and what was not read is reported failed.</summary>
    public long MaxTotalBytes { get; init; } = 4L << 30;

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(PageSize, 1, nameof(PageSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrency, 1, nameof(MaxConcurrency));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxListRestarts, nameof(MaxListRestarts));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero, nameof(RequestTimeout));
        ArgumentOutOfRangeException.ThrowIfNegative(InitialBackoff.Ticks, nameof(InitialBackoff));
        if (Timeout is { } deadline) ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(deadline, TimeSpan.Zero, nameof(Timeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPagesPerList, 1, nameof(MaxPagesPerList));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxResponseBytes, 1, nameof(MaxResponseBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTotalBytes, 1, nameof(MaxTotalBytes));
        ArgumentNullException.ThrowIfNull(Kinds);
        ArgumentNullException.ThrowIfNull(Namespaces);
        ArgumentNullException.ThrowIfNull(SystemNamespaces);
    }
}
