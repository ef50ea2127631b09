namespace K8sLandscape.Sources;

/// <summary>
/// What a cluster read did and did not cover, so every report can say so: each kind with its
/// outcome and count, and the requests made.
/// </summary>
/// <param name="Context">The kubeconfig context read (or <c>in-cluster</c>).</param>
/// <param name="Server">The API server address.</param>
/// <param name="ServerVersion">The server's <c>gitVersion</c>, or null when <c>/version</c> could not be read.</param>
/// <param name="Namespaces">The namespaces namespaced kinds were restricted to, sorted; empty means all.</param>
/// <param name="Kinds">Every kind of the kind list, in its order, with what happened to it.</param>
/// <param name="Requests">HTTP requests made (all GET), retries included.</param>
/// <param name="Retries">Requests repeated after a 429, a 5xx, a timeout or a connection failure.</param>
/// <param name="ListRestarts">Lists started again because their continue token expired (410 Gone).</param>
public sealed record ClusterCoverage(
    string Context,
    string Server,
    string? ServerVersion,
    IReadOnlyList<string> Namespaces,
    IReadOnlyList<ClusterKindStatus> Kinds,
    int Requests,
    int Retries,
    int ListRestarts)
{
    /// <summary>Kinds listed to the end, with their counts.</summary>
    public IReadOnlyList<ClusterKindStatus> Read => Of(ClusterKindOutcome.Read);

    /// <summary>Kinds the credentials may not list (in at least one namespace).</summary>
    public IReadOnlyList<ClusterKindStatus> Denied => Of(ClusterKindOutcome.Denied);

    /// <summary>Kinds the server does not serve: counted, not reported (an extension that is not installed is no gap).</summary>
    public IReadOnlyList<ClusterKindStatus> Missing => Of(ClusterKindOutcome.NotServed);

    /// <summary>Kinds whose listing failed (after every retry, or at once for an answer no retry mends).</summary>
    public IReadOnlyList<ClusterKindStatus> Failed => Of(ClusterKindOutcome.Failed);

    /// <summary>Kinds not asked for.</summary>
    public IReadOnlyList<ClusterKindStatus> Skipped => Of(ClusterKindOutcome.Skipped);

    /// <summary>True when no served kind was denied or failed: the landscape holds everything the kind list asks for.</summary>
    public bool IsComplete => Kinds.All(k => k.Outcome is ClusterKindOutcome.Read or ClusterKindOutcome.NotServed or ClusterKindOutcome.Skipped);

    /// <summary>Objects read, all kinds together.</summary>
    public int ObjectCount => Kinds.Sum(k => k.Count);

    private ClusterKindStatus[] Of(ClusterKindOutcome outcome) => Kinds.Where(k => k.Outcome == outcome).ToArray();
}
