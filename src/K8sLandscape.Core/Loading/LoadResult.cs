namespace K8sLandscape.Loading;

/// <summary>What a load produced: the objects, every problem met, and what was read.</summary>
public sealed class LoadResult
{
    internal LoadResult(IReadOnlyList<KubeObject> objects, IReadOnlyList<LoadDiagnostic> diagnostics, IReadOnlyList<string> sources, long bytes)
    {
        Objects = objects;
        Diagnostics = diagnostics;
        Sources = sources;
        BytesRead = bytes;
    }

    /// <summary>The loaded objects in input order (files in the order given, folders sorted, documents in file order).</summary>
    public IReadOnlyList<KubeObject> Objects { get; }

    /// <summary>Every problem met, in input order.</summary>
    public IReadOnlyList<LoadDiagnostic> Diagnostics { get; }

    /// <summary>The files (or <c>-</c>) that were read.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Bytes read from all sources.</summary>
    public long BytesRead { get; }

    /// <summary>True when a diagnostic of severity <see cref="DiagnosticSeverity.Error"/> was reported.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Object counts per <c>apiVersion/kind</c> (for example <c>apps/v1/DaemonSet</c>), sorted by key.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> CountByKind() =>
        Objects.GroupBy(o => o.Gvk.ToString(), StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, int>(g.Key, g.Count()))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
}
