using K8sLandscape.Analyzers.Fleet;

namespace K8sLandscape.Analyzers.Tests.Fleet;

/// <summary>Hand-made summaries for comparer and fleet tests.</summary>
internal static class Summaries
{
    public static SummaryImplementation Impl(string id, string? version = null, params (string Key, string Value)[] settings) =>
        new(id, id, true, version is null ? [] : [version], new SortedDictionary<string, string>(settings.ToDictionary(s => s.Key, s => s.Value), StringComparer.Ordinal));

    public static SummaryPoint Point(string area, string name, params SummaryImplementation[] implementations) =>
        new(area, name, false, implementations);

    public static LandscapeSummary Cluster(string name, SummaryPoint[] points, params SummaryFinding[] findings) => new()
    {
        Name = name,
        Source = name,
        KubernetesVersion = "1.34",
        ObjectCount = 10,
        Points = points,
        Findings = findings,
    };
}
