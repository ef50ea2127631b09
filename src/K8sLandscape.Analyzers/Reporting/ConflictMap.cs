using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers.Reporting;

/// <summary>
/// Which extension points a report marks as conflicting: one that expects a single implementation
/// but has several, or one where an active finding names objects of two or more of its
/// implementations (as the subject and another party). A finding about a single implementation (a
/// driver without a StorageClass) is a finding, not a conflict, and does not mark its point. Built
/// once per report from the findings: lookups are hash lookups.
/// </summary>
public sealed class ConflictMap
{
    private readonly Dictionary<string, List<HashSet<ObjectRef>>> _partiesByArea = new(StringComparer.Ordinal);
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
            var parties = new HashSet<ObjectRef>();
            if (f.Subject is { } s) parties.Add(s);
            foreach (var r in f.RelatedLocations)
            {
                if (report.SubjectAt(r) is { } other) parties.Add(other);
            }

            if (parties.Count < 2) continue;
            if (!_partiesByArea.TryGetValue(area, out var list)) _partiesByArea[area] = list = [];
            list.Add(parties);
        }
    }

    /// <summary>True when the point expects one implementation and has more.</summary>
    public static bool IsOverfilled(ExtensionPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return point.ExpectsSingle && point.Implementations.Count > 1;
    }

    /// <summary>True when the point is overfilled or one finding of its area names objects of two or more of its implementations.</summary>
    public bool IsConflicting(ExtensionPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (IsOverfilled(point)) return true;
        if (point.Implementations.Count < 2 || !_partiesByArea.TryGetValue(point.Area, out var findings)) return false;
        return findings.Any(parties => point.Implementations.Count(i => i.Objects.Any(o => parties.Contains(o.Ref))) >= 2);
    }

    /// <summary>Active findings of an area.</summary>
    public int FindingsIn(string area) => _findingsByArea.GetValueOrDefault(area);
}
