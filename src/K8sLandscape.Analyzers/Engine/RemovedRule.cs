namespace K8sLandscape.Analyzers;

/// <summary>
/// A rule id that once shipped and was retired. Its id is never given to another rule, and its
/// documentation page stays, marked removed, so links from old reports still explain it.
/// </summary>
/// <param name="Id">The retired id.</param>
/// <param name="Title">The title it had.</param>
/// <param name="Reason">Why it was retired and what replaces it.</param>
public sealed record RemovedRule(string Id, string Title, string Reason)
{
    /// <summary>Every retired built-in rule, sorted by id.</summary>
    public static IReadOnlyList<RemovedRule> All { get; } =
    [
        new(
            "KL0092",
            "Kind is not served by the cluster",
            "A kind the cluster does not serve is not a problem of the cluster or of the scan: the coverage summary counts such kinds (\"Not served by this cluster: N kind(s)\") and no finding is reported. Forbidden and failed reads stay findings (KL0091, KL0093, KL0094)."),
    ];
}
