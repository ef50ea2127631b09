using System.Security.Cryptography;
using System.Text;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers.Fleet;

/// <summary>
/// Gathers a fleet one cluster at a time: <see cref="Add"/> keeps a cell per extension point and the
/// findings of a summary, nothing of its landscape, so memory grows with the number of points and
/// findings, not with the clusters' objects.
/// </summary>
public sealed class FleetMatrixBuilder
{
    /// <summary>A cell lists at most this many implementations; past it, it counts them.</summary>
    public const int MaxListed = 10;

    /// <summary>A longer cell signature is kept as its SHA-256 (<c>sha256:HEX</c>).</summary>
    public const int MaxSignature = 1024;

    private readonly List<FleetCluster> _clusters = [];
    private readonly List<Dictionary<string, Cell>> _cells = [];
    private readonly Dictionary<string, PointData> _points = new(StringComparer.Ordinal);
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
            // Two strings per cell, whatever the cluster's size: the summary is let go with its records,
            // and a point with dozens of implementations (helm-releases) is counted, not listed.
            var display = p.Implementations.Count > MaxListed ? $"{p.Implementations.Count} implementations" : p.Display;
            var signature = p.Signature;
            if (signature.Length > MaxSignature) signature = "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(signature))).ToLowerInvariant();
            cells[key] = new Cell(display, signature);
            if (!_points.TryGetValue(key, out var point)) _points[key] = point = new PointData(p.Area, p.Name);
            foreach (var i in p.Implementations)
            {
                point.Ids.Add(i.Id);
                point.Versions.Add(i.Display);
            }
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
            .Select(p => Row(p.Key, p.Value))
            .ToArray();
        return new FleetMatrix([.. _clusters], rows);
    }

    private FleetPoint Row(string key, PointData point)
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
        var variants = present.Select(p => p.Signature).Distinct(StringComparer.Ordinal).Count();
        var fragmentation = Math.Round(1.0 - ((double)majority.Count() / signatures.Length), 3);
        return new FleetPoint(point.Area, point.Name, cells, present.Length, point.Ids.Count, point.Versions.Count, variants, fragmentation);
    }

    /// <summary>What the matrix needs of one cluster's point.</summary>
    private sealed record Cell(string Display, string Signature);

    /// <summary>A row's distinct implementations and versions, gathered as clusters are added.</summary>
    private sealed record PointData(string Area, string Name)
    {
        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Versions { get; } = new(StringComparer.Ordinal);
    }
}
