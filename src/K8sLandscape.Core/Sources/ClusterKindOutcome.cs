namespace K8sLandscape.Sources;

/// <summary>What happened when a kind was read from a cluster.</summary>
public enum ClusterKindOutcome
{
    /// <summary>Listed to the end (in every namespace asked for).</summary>
    Read = 0,

    /// <summary>The credentials may not list it (403) in at least one namespace; whatever else was allowed was read.</summary>
    Denied = 1,

    /// <summary>
    /// The server does not serve it: absent from discovery (an extension that is not installed) or 404
    /// on its first page. Counted in the coverage, but no diagnostic: it is no gap in what was read.
    /// </summary>
    NotServed = 2,

    /// <summary>
    /// Listing failed: after every retry (server errors, timeouts), or at once for an answer no retry
    /// mends (the wrong shape, too large, a redirect, endless pages, the scan's deadline or byte budget);
    /// what was read before is kept.
    /// </summary>
    Failed = 3,

    /// <summary>Not asked for (pods, when <see cref="ClusterReadOptions.IncludePods"/> is off).</summary>
    Skipped = 4,
}
