namespace K8sLandscape.Sources;

/// <summary>What happened when a kind was read from a cluster.</summary>
public enum ClusterKindOutcome
{
    /// <summary>Listed to the end (in every namespace asked for).</summary>
    Read = 0,

    /// <summary>The credentials may not list it (403) in at least one namespace; whatever else was allowed was read.</summary>
    Denied = 1,

    /// <summary>The server does not serve it: absent from discovery (an extension that is not installed) or 404 on list.</summary>
    NotServed = 2,

    /// <summary>Listing failed after every retry (server errors, timeouts, an unusable answer); what was read before is kept.</summary>
    Failed = 3,

    /// <summary>Not asked for (pods, when <see cref="ClusterReadOptions.IncludePods"/> is off).</summary>
    Skipped = 4,
}
