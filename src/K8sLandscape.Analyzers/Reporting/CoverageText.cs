using K8sLandscape.Sources;

namespace K8sLandscape.Analyzers.Reporting;

/// <summary>The words reports use for what a cluster read covered.</summary>
public static class CoverageText
{
    /// <summary>The outcome's name: <c>read</c>, <c>denied</c>, <c>not-served</c>, <c>failed</c>, <c>skipped</c>.</summary>
    public static string Outcome(ClusterKindOutcome outcome) => outcome switch
    {
        ClusterKindOutcome.Read => "read",
        ClusterKindOutcome.Denied => "denied",
        ClusterKindOutcome.NotServed => "not-served",
        ClusterKindOutcome.Failed => "failed",
        ClusterKindOutcome.Skipped => "skipped",
        _ => "unknown",
    };

    /// <summary>One line: context, server, version, namespaces.</summary>
    public static string Header(ClusterCoverage c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return $"Cluster: context '{c.Context}' at {c.Server}{(c.ServerVersion is null ? string.Empty : ", Kubernetes " + c.ServerVersion)}; namespaces: {(c.Namespaces.Count == 0 ? "all" : string.Join(", ", c.Namespaces))}";
    }

    /// <summary>One line: objects, kinds, requests.</summary>
    public static string Counts(ClusterCoverage c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return $"Read {c.ObjectCount} object(s) of {c.Read.Count} kind(s) in {c.Requests} GET request(s) ({c.Retries} retried, {c.ListRestarts} list restart(s)).";
    }

    /// <summary>The kinds not read in full, grouped: a title and the kinds, each with the reason (kinds the cluster does not serve are listed without one).</summary>
    public static IEnumerable<(string Title, IReadOnlyList<string> Kinds)> Gaps(ClusterCoverage c)
    {
        ArgumentNullException.ThrowIfNull(c);
        foreach (var (title, kinds) in new[]
        {
            ("Denied (the credentials may not list them)", c.Denied),
            ("Failed", c.Failed),
            ("Not served by this cluster", c.Missing),
            ("Skipped", c.Skipped),
        })
        {
            if (kinds.Count == 0) continue;
            yield return (title, kinds.Select(k => k.Kind.GroupResource + (k.Detail is null || k.Outcome == ClusterKindOutcome.NotServed ? string.Empty : ": " + k.Detail)).ToArray());
        }
    }
}
