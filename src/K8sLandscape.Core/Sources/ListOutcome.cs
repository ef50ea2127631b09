using K8sLandscape.Loading;

namespace K8sLandscape.Sources;

/// <summary>What one list produced: the objects read, and the failure that stopped it, if any.</summary>
internal sealed record ListOutcome(ListJob Job, IReadOnlyList<KubeObject> Objects, ClusterKindOutcome Outcome, string? Problem);
