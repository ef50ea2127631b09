using K8sLandscape.Model;

namespace K8sLandscape.Analyzers.Fleet;

/// <summary>
/// Gathers a fleet one cluster at a time: <see cref="Add"/> keeps a cell per extension point and the
/// findings of a summary, nothing of its landscape, so memory grows with the number of points and
/// findings, not with the clusters' objects.
/// </summary>
public sealed class FleetMatrixBuilder
{
    private readonly List<FleetCluster> _clusters = [];
    private readonly List<Dictionary<string, Cell>> _cells = [];
    private readonly Dictionary<string, (string Area, string Name)> _points = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>How many clusters were added.</summary>
    public int Count => _clusters.Count;

    /// <summary>Adds one cluster; a name already taken gets <c> (2)</c>, <c> (3)</c>, ... appended.</summary>
    public void Add(LandscapeSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var name = summary.Name;
        for (var n = 2; !_names.Add(name); n++) name = $"{summary.Name} ({n})";
        _clusters.Add(new FleetCluster(name, summary.Source, summary.KubernetesVersion, summary.ObjectCount, summary.LoadErrors, FleetCluster.Count(summary.Findings)));
        var cells = new Dictionary<string, Cell>(StringComparer.Ordinal);
        foreach (var p in summary.Points)
        {
            if (p.Implementations.Count == 0) continue;
            var key = p.Area + "\n" + p.Name;
            // Strings only: the summary's dictionaries and records are let go with it.
            cells[key] = new Cell(p.Display, p.Signature, p.Implementations.Select(i => i.Id).ToArray(), p.Implementations.Select(i => i.Display).ToArray());
            _points.TryAdd(key, (p.Area, p.Name));
        }

        _cells.Add(cells);
    }

    /// <summary>The matrix of every cluster added so far.</summary>
    public FleetMatrix Build()
    {
        var areaOrder = LandscapeAreas.All.Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i, StringComparer.Ordinal);
        var rows = _points
            .OrderBy(p => areaOrder.GetValueOrDefault(p.Value.Area, int.MaxValue))
            .ThenBy(p => p.Value.Name, StringComparer.Ordinal)
            .Select(p => Row(p.Key, p.Value.Area, p.Value.Name))
            .ToArray();
        return new FleetMatrix([.. _clusters], rows);
    }

    private FleetPoint Row(string key, string area, string name)
    {
        var points = _cells.Select(c => c.GetValueOrDefault(key)).ToArray();
        var signatures = points.Select(p => p?.Signature ?? string.Empty).ToArray();
        // The most common cell is the fleet's norm; ties go to the first in ordinal order so the output is stable.
        var majority = signatures.GroupBy(s => s, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .First();
        var cells = points.Select((p, i) => new FleetCell(p?.Display ?? string.Empty, signatures[i], !string.Equals(signatures[i], majority.Key, StringComparison.Ordinal))).ToArray();
        var present = points.OfType<Cell>().ToArray();
        var implementations = present.SelectMany(p => p.Ids).Distinct(StringComparer.Ordinal).Count();
        var versions = present.SelectMany(p => p.Versions).Distinct(StringComparer.Ordinal).Count();
        var variants = present.Select(p => p.Signature).Distinct(StringComparer.Ordinal).Count();
        var fragmentation = Math.Round(1.0 - ((double)majority.Count() / signatures.Length), 3);
        return new FleetPoint(area, name, cells, present.Length, implementations, versions, variants, fragmentation);
    }

    /// <summary>What the matrix needs of one cluster's point.</summary>
    private sealed record Cell(string Display, string Signature, string[] Ids, string[] Versions);
}
