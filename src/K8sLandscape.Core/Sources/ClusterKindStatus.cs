namespace K8sLandscape.Sources;

/// <summary>How one kind was read from a cluster.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="ApiVersion">The <c>apiVersion</c> it was listed at (chosen by discovery), or null when it was not listed.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Count">Objects read.</param>
/// <param name="Detail">Why it was not read in full (the namespaces denied, the last error), or null.</param>
public sealed record ClusterKindStatus(ClusterKind Kind, string? ApiVersion, ClusterKindOutcome Outcome, int Count, string? Detail);
