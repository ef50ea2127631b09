namespace K8sLandscape.Analyzers.Fleet;

/// <summary>
/// The compact picture of one cluster that <c>compare</c> and <c>fleet</c> work on: every extension
/// point with its implementations, their versions and settings, the recognized components and the
/// active findings. A few kilobytes where the landscape it comes from holds every object, so a fleet
/// of a thousand clusters keeps a thousand summaries and one landscape at a time.
/// </summary>
public sealed record LandscapeSummary
{
    /// <summary>The cluster's name in outputs (a context, a file or folder name).</summary>
    public required string Name { get; init; }

    /// <summary>Where it was read: a path, <c>context:NAME</c>, or the source a saved summary names.</summary>
    public required string Source { get; init; }

    /// <summary>The Kubernetes version API versions were judged against.</summary>
    public required string KubernetesVersion { get; init; }

    /// <summary>How many objects the landscape held.</summary>
    public int ObjectCount { get; init; }

    /// <summary>How many load diagnostics were errors (documents that could not be read).</summary>
    public int LoadErrors { get; init; }

    /// <summary>Extension points in area order, then by name.</summary>
    public IReadOnlyList<SummaryPoint> Points { get; init; } = [];

    /// <summary>Recognized components, sorted by id.</summary>
    public IReadOnlyList<SummaryComponent> Components { get; init; } = [];

    /// <summary>Active (not suppressed) findings, sorted by rule, subject and message.</summary>
    public IReadOnlyList<SummaryFinding> Findings { get; init; } = [];

    /// <summary>This summary under another name (fleet inputs with equal names are told apart so).</summary>
    public LandscapeSummary Renamed(string name) => this with { Name = name };
}
