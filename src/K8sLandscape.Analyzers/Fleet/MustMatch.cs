namespace K8sLandscape.Analyzers.Fleet;

/// <summary>
/// The extension points a comparison requires to be equal (<c>compare: mustMatch:</c>): names such as
/// <c>pod-network</c>, or prefixes ending in <c>*</c> such as <c>api-group:*</c>.
/// </summary>
public sealed class MustMatch
{
    private readonly string[] _patterns;

    /// <summary>Creates the set from configuration entries.</summary>
    public MustMatch(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        _patterns = patterns.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>No point must match.</summary>
    public static MustMatch None { get; } = new([]);

    /// <summary>The patterns, sorted.</summary>
    public IReadOnlyList<string> Patterns => _patterns;

    /// <summary>True when <paramref name="point"/> is named by a pattern.</summary>
    public bool Covers(string point)
    {
        ArgumentNullException.ThrowIfNull(point);
        foreach (var p in _patterns)
        {
            if (p.EndsWith('*') ? point.StartsWith(p[..^1], StringComparison.Ordinal) : string.Equals(p, point, StringComparison.Ordinal)) return true;
        }

        return false;
    }
}
