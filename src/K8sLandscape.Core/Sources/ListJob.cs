namespace K8sLandscape.Sources;

/// <summary>One list to read to its end: a kind, in one namespace or across all.</summary>
internal sealed record ListJob(int KindIndex, ClusterKind Kind, ServedResource Served, string? Namespace);
