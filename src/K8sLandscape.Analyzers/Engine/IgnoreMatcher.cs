using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers;

/// <summary>Matches findings against the configuration's <c>ignore:</c> entries, globs compiled once.</summary>
internal sealed class IgnoreMatcher
{
    private readonly Entry[] _entries;

    public IgnoreMatcher(IReadOnlyList<IgnoreEntry> entries)
    {
        _entries = entries.Select((e, i) => new Entry(
            e,
            e.Name is null ? null : NameGlob.TryCreate(e.Name, out var n) ? n : throw Invalid(e, i, "name", $"'{e.Name}' is not a name glob"),
            e.Path is null ? null : PathGlob.TryCreate(e.Path, out var p) ? p : throw Invalid(e, i, "path", $"'{e.Path}' is not a path glob"))).ToArray();
    }

    public bool IsEmpty => _entries.Length == 0;

    /// <summary>The reason of the first entry matching the finding, or null.</summary>
    /// <param name="finding">The finding.</param>
    /// <param name="relativePath">Its file relative to the base folder, computed only when an entry has a path.</param>
    public string? ReasonFor(Finding finding, Func<string, string> relativePath)
    {
        foreach (var (e, name, path) in _entries)
        {
            if (!string.Equals(e.Rule, finding.Id, StringComparison.Ordinal)) continue;
            if (e.Kind is not null && !string.Equals(e.Kind, finding.Subject?.Kind, StringComparison.OrdinalIgnoreCase)) continue;
            if (e.Namespace is not null && !string.Equals(e.Namespace, finding.Subject?.Namespace, StringComparison.Ordinal)) continue;
            if (name is not null && (finding.Subject is not { } s || !name.IsMatch(s.Name))) continue;
            if (path is not null && (!finding.Location.IsKnown || !path.IsMatch(relativePath(finding.Location.Path)))) continue;
            return e.Reason;
        }

        return null;
    }

    private static ConfigurationException Invalid(IgnoreEntry e, int index, string key, string message) =>
        new([new ConfigurationError(e.Source, $"ignore[{index}].{key}", message)]);

    private readonly record struct Entry(IgnoreEntry Ignore, NameGlob? Name, PathGlob? Path);
}
