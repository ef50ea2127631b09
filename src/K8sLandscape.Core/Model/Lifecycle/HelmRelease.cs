using K8sLandscape.Loading;

namespace K8sLandscape.Model.Lifecycle;

/// <summary>A Helm release: its revisions (from release records) and the objects it claims.</summary>
public sealed record HelmRelease
{
    /// <summary>The release name.</summary>
    public required string Name { get; init; }

    /// <summary>The release namespace, or null when only cluster-scoped objects without the release-namespace annotation name it.</summary>
    public string? Namespace { get; init; }

    /// <summary>Its revisions, oldest first (empty when no release record was in the input).</summary>
    public IReadOnlyList<HelmReleaseRevision> Revisions { get; init; } = [];

    /// <summary>The objects that claim to belong to it (annotations, labels, rendered sources), in location order.</summary>
    public IReadOnlyList<KubeObject> Objects { get; init; } = [];

    /// <summary>Chart names with versions from <c>helm.sh/chart</c> labels (or the chart of a <c># Source:</c> path), sorted.</summary>
    public IReadOnlyList<string> Charts { get; init; } = [];

    /// <summary>How the release was seen.</summary>
    public HelmEvidence Evidence { get; init; }

    /// <summary>The newest revision, or null.</summary>
    public HelmReleaseRevision? Current => Revisions.Count == 0 ? null : Revisions[^1];

    /// <summary>The newest revision's status, or null without release records.</summary>
    public HelmReleaseStatus? Status => Current?.Status;

    /// <summary>Revisions whose status is deployed (more than one is a broken history).</summary>
    public IEnumerable<HelmReleaseRevision> DeployedRevisions => Revisions.Where(r => r.Status == HelmReleaseStatus.Deployed);

    /// <summary>The id used for it at the <c>helm-releases</c> extension point: <c>helm:namespace/name</c>.</summary>
    public string Id => $"helm:{Namespace ?? "-"}/{Name}";

    /// <summary>Formats as <c>namespace/name</c>.</summary>
    public override string ToString() => Namespace is null ? Name : Namespace + "/" + Name;
}
