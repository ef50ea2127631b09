using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers.Reporting;

/// <summary>
/// Which extension points a report marks as conflicting: one that expects a single implementation
/// but has several, or one whose implementing objects an active finding of its area names (as the
/// subject or another party). Built once per report from the findings: lookups are hash lookups.
/// </summary>
public sealed class ConflictMap
{
    private readonly Dictionary<string, HashSet<ObjectRef>> _namedByArea = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _findingsByArea = new(StringComparer.Ordinal);

    /// <summary>Indexes the active findings of a report by area.</summary>
    public ConflictMap(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var f in report.Findings)
        {
            if (f.Suppressed) continue;
            var area = AnalysisReport.AreaOf(f.Rule);
            _findingsByArea[area] = _findingsByArea.GetValueOrDefault(area) + 1;
            if (!_namedByArea.TryGetValue(area, out var named)) _namedByArea[area] = named = [];
            if (f.Subject is { } s) named.Add(s);
            foreach (var r in f.RelatedLocations)
            {
                if (report.SubjectAt(r) is { } other) named.Add(other);
            }
        }
    }

    /// <summary>True when the point expects one implementation and has more.</summary>
    public static bool IsOverfilled(ExtensionPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return point.ExpectsSingle && point.Implementations.Count > 1;
    }

    /// <summary>True when the point is overfilled or a finding of its area names one of its objects.</summary>
    public bool IsConflicting(ExtensionPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (IsOverfilled(point)) return true;
        return _namedByArea.TryGetValue(point.Area, out var named)
            && point.Implementations.Any(i => i.Objects.Any(o => named.Contains(o.Ref)));
    }

    /// <summary>Active findings of an area.</summary>
    public int FindingsIn(string area) => _findingsByArea.GetValueOrDefault(area);
}
