using K8sLandscape.Loading;

namespace K8sLandscape.Sources;

/// <summary>What a cluster read produced: objects and coverage diagnostics as a load result, and the coverage itself.</summary>
/// <param name="Load">
/// The objects (the server version first, then kind-list order, each kind sorted by namespace and
/// name) located at <c>cluster://&lt;context&gt;/&lt;resource path&gt;</c>, and one diagnostic per
/// kind not read in full.
/// </param>
/// <param name="Coverage">What was and was not read.</param>
public sealed record ClusterReadResult(LoadResult Load, ClusterCoverage Coverage);
