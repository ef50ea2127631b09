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

    /// <summary>
    /// The reason of the first entry matching the finding, or null. An entry matches when it names
    /// the finding's rule and its criteria all hold for one party: the subject at the finding's
    /// location, or another party of a conflict at a related location (as annotations do).
    /// </summary>
    /// <param name="finding">The finding.</param>
    /// <param name="objectAt">The object defined at a related location, or null.</param>
    /// <param name="relativePath">A file relative to the base folder, computed only when an entry has a path.</param>
    public string? ReasonFor(Finding finding, Func<SourceSpan, ObjectRef?> objectAt, Func<string, string> relativePath)
    {
        foreach (var entry in _entries)
        {
            if (!string.Equals(entry.Ignore.Rule, finding.Id, StringComparison.Ordinal)) continue;
            if (Matches(entry, finding.Subject, finding.Location, relativePath)) return entry.Ignore.Reason;
            foreach (var span in finding.RelatedLocations)
            {
                if (Matches(entry, objectAt(span), span, relativePath)) return entry.Ignore.Reason;
            }
        }

        return null;
    }

    private static bool Matches(Entry entry, ObjectRef? party, SourceSpan location, Func<string, string> relativePath)
    {
        var (e, name, path) = entry;
        if (e.Kind is not null && !string.Equals(e.Kind, party?.Kind, StringComparison.OrdinalIgnoreCase)) return false;
        if (e.Namespace is not null && !string.Equals(e.Namespace, party?.Namespace, StringComparison.Ordinal)) return false;
        if (name is not null && (party is not { } p || !name.IsMatch(p.Name))) return false;
        return path is null || (location.IsKnown && path.IsMatch(relativePath(location.Path)));
    }

    private static ConfigurationException Invalid(IgnoreEntry e, int index, string key, string message) =>
        new([new ConfigurationError(e.Source, $"ignore[{index}].{key}", message)]);

    private readonly record struct Entry(IgnoreEntry Ignore, NameGlob? Name, PathGlob? Path);
}
