namespace K8sLandscape.Analyzers.Fleet;

/// <summary>One cluster, a column of the fleet matrix, with its findings counted per rule.</summary>
/// <param name="Name">The cluster's name (unique in the fleet).</param>
/// <param name="Source">Where it was read.</param>
/// <param name="KubernetesVersion">The Kubernetes version it was judged against.</param>
/// <param name="Objects">How many objects its landscape held.</param>
/// <param name="LoadErrors">Documents that could not be read.</param>
/// <param name="Rules">
/// Active findings counted per rule and severity, sorted by rule then severity: counts, not the
/// findings, so that a fleet of a thousand clusters with thousands of findings each stays small
/// (<c>compare</c> lists the findings themselves).
/// </param>
public sealed record FleetCluster(string Name, string Source, string KubernetesVersion, int Objects, int LoadErrors, IReadOnlyList<FleetRuleCount> Rules)
{
    /// <summary>Counts the findings of a summary per rule and severity.</summary>
    public static IReadOnlyList<FleetRuleCount> Count(IEnumerable<SummaryFinding> findings) =>
        findings.GroupBy(f => (f.RuleId, f.Severity))
            .Select(g => new FleetRuleCount(g.Key.RuleId, g.Key.Severity, g.Count()))
            .OrderBy(r => r.RuleId, StringComparer.Ordinal)
            .ThenBy(r => r.Severity, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Active findings of severity <paramref name="severity"/> (<c>error</c>, <c>warning</c>, <c>info</c>).</summary>
    public int Count(string severity) => Rules.Where(r => string.Equals(r.Severity, severity, StringComparison.Ordinal)).Sum(r => r.Count);

    /// <summary>Rule ids with how many findings each reported, sorted by id.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> ByRule =>
        Rules.GroupBy(r => r.RuleId, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, g.Sum(r => r.Count))).ToArray();
}
