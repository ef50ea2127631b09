using K8sLandscape.Model;

namespace K8sLandscape.Analyzers.Fleet;

/// <summary>Compares two landscape summaries point by point.</summary>
public static class LandscapeComparer
{
    /// <summary>What differs between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static LandscapeComparison Compare(LandscapeSummary a, LandscapeSummary b, MustMatch? mustMatch = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        mustMatch ??= MustMatch.None;
        var pointsA = a.Points.ToDictionary(Key, StringComparer.Ordinal);
        var pointsB = b.Points.ToDictionary(Key, StringComparer.Ordinal);
        var areaOrder = LandscapeAreas.All.Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i, StringComparer.Ordinal);
        var keys = pointsA.Keys.Union(pointsB.Keys, StringComparer.Ordinal)
            .Select(k => pointsA.GetValueOrDefault(k) ?? pointsB[k])
            .OrderBy(p => areaOrder.GetValueOrDefault(p.Area, int.MaxValue))
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToArray();
        var differences = new List<PointDifference>();
        var same = 0;
        foreach (var p in keys)
        {
            var implsA = pointsA.GetValueOrDefault(Key(p))?.Implementations ?? [];
            var implsB = pointsB.GetValueOrDefault(Key(p))?.Implementations ?? [];
            var byIdA = implsA.ToDictionary(i => i.Id, StringComparer.Ordinal);
            var byIdB = implsB.ToDictionary(i => i.Id, StringComparer.Ordinal);
            var onlyA = implsA.Where(i => !byIdB.ContainsKey(i.Id)).ToArray();
            var onlyB = implsB.Where(i => !byIdA.ContainsKey(i.Id)).ToArray();
            var changed = implsA.Where(i => byIdB.ContainsKey(i.Id))
                .Select(i => Change(i, byIdB[i.Id]))
                .OfType<ImplementationChange>()
                .ToArray();
            if (onlyA.Length == 0 && onlyB.Length == 0 && changed.Length == 0)
            {
                // A point present on one side with no implementation at all (dra-drivers: 0) is no difference.
                same++;
                continue;
            }

            differences.Add(new PointDifference(p.Area, p.Name, mustMatch.Covers(p.Name), onlyA, onlyB, changed));
        }

        return new LandscapeComparison(a, b, mustMatch, differences, Except(a.Findings, b.Findings), Except(b.Findings, a.Findings), same);
    }

    private static string Key(SummaryPoint p) => p.Area + "\n" + p.Name;

    private static ImplementationChange? Change(SummaryImplementation a, SummaryImplementation b)
    {
        var settings = a.Settings.Keys.Union(b.Settings.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(k => new SettingChange(k, a.Settings.GetValueOrDefault(k), b.Settings.GetValueOrDefault(k)))
            .Where(c => !string.Equals(c.A, c.B, StringComparison.Ordinal))
            .ToArray();
        var versionsDiffer = !a.Versions.SequenceEqual(b.Versions, StringComparer.Ordinal);
        return versionsDiffer || settings.Length > 0 ? new ImplementationChange(a.Id, a.Name, a.Versions, b.Versions, settings) : null;
    }

    /// <summary>The findings of <paramref name="first"/> not matched by one of <paramref name="second"/> (duplicates counted).</summary>
    private static SummaryFinding[] Except(IReadOnlyList<SummaryFinding> first, IReadOnlyList<SummaryFinding> second)
    {
        var left = second.GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<SummaryFinding>();
        foreach (var f in first)
        {
            if (left.TryGetValue(f.Key, out var n) && n > 0) left[f.Key] = n - 1;
            else result.Add(f);
        }

        return [.. result];
    }
}
