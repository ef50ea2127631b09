namespace K8sLandscape.Analyzers.Fleet;

/// <summary>One cluster, a column of the fleet matrix, with its findings.</summary>
/// <param name="Name">The cluster's name (unique in the fleet).</param>
/// <param name="Source">Where it was read.</param>
/// <param name="KubernetesVersion">The Kubernetes version it was judged against.</param>
/// <param name="Objects">How many objects its landscape held.</param>
/// <param name="LoadErrors">Documents that could not be read.</param>
/// <param name="Findings">Its active findings, sorted by rule, subject and message.</param>
public sealed record FleetCluster(string Name, string Source, string KubernetesVersion, int Objects, int LoadErrors, IReadOnlyList<SummaryFinding> Findings)
{
    /// <summary>Active findings of severity <paramref name="severity"/> (<c>error</c>, <c>warning</c>, <c>info</c>).</summary>
    public int Count(string severity) => Findings.Count(f => string.Equals(f.Severity, severity, StringComparison.Ordinal));

    /// <summary>Rule ids with how many findings each reported, sorted by id.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> ByRule =>
        Findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, g.Count())).ToArray();
}
