namespace K8sLandscape.Versions;

/// <summary>
/// The versions a component or an implementation runs, with the evidence for each. A component
/// installed twice at different versions has two <see cref="Versions"/>.
/// </summary>
public sealed class ComponentVersions
{
    internal ComponentVersions(IReadOnlyList<VersionEvidence> evidence)
    {
        Evidence = evidence;
        Source = VersionSources.ByPreference.FirstOrDefault(s => evidence.Any(e => e.Source == s));
        Versions = Source is null
            ? []
            : evidence.Where(e => e.Source == Source).Select(e => e.Version).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>No version known.</summary>
    public static ComponentVersions None { get; } = new([]);

    /// <summary>Every version read, sorted by source preference, version, then location.</summary>
    public IReadOnlyList<VersionEvidence> Evidence { get; }

    /// <summary>The source <see cref="Versions"/> come from: the most telling one present, or null.</summary>
    public string? Source { get; }

    /// <summary>The distinct versions of the most telling source, sorted; empty when none is known.</summary>
    public IReadOnlyList<string> Versions { get; }

    /// <summary>The versions joined for display (<c>1.14.4</c>, <c>1.13.0, 1.14.4</c>), or an empty string.</summary>
    public string Display => string.Join(", ", Versions);
}
