namespace K8sLandscape.Analyzers.Fleet;

/// <summary>
/// Writes a fleet for a person: the fleet's figures, then per area each extension point with its
/// figures and every cluster's cell (odd ones marked), then each cluster's findings by rule.
/// </summary>
public static class FleetTextWriter
{
    /// <summary>Writes <paramref name="m"/> to <paramref name="o"/>.</summary>
    public static void Write(FleetMatrix m, TextWriter o)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(o);
        o.WriteLine($"Fleet of {m.Clusters.Count} cluster(s): {m.Points.Count} extension point(s), {m.FragmentedPoints} fragmented, {m.OddCells} odd cell(s); fragmentation {FleetFormats.Fraction(m.Fragmentation)}.");
        var width = m.Clusters.Count == 0 ? 0 : m.Clusters.Max(c => c.Name.Length);
        string? area = null;
        foreach (var p in m.Points)
        {
            if (p.Area != area)
            {
                area = p.Area;
                o.WriteLine();
                o.WriteLine($"== {area}");
            }

            o.WriteLine($"  [{p.Name}] in {p.Present}/{m.Clusters.Count}; {p.Implementations} implementation(s), {p.Versions} version(s), {p.Variants} variant(s); fragmentation {FleetFormats.Fraction(p.Fragmentation)}");
            for (var i = 0; i < m.Clusters.Count; i++)
            {
                var cell = p.Cells[i];
                o.WriteLine($"    {(cell.Odd ? "*" : " ")} {m.Clusters[i].Name.PadRight(width)}  {(cell.Present ? cell.Display : "-")}");
            }
        }

        o.WriteLine();
        o.WriteLine("== findings per cluster");
        foreach (var c in m.Clusters)
        {
            var rules = string.Join(", ", c.ByRule.Select(r => $"{r.Key} x{r.Value}"));
            o.WriteLine($"  {c.Name.PadRight(width)}  {c.Count("error")} error(s), {c.Count("warning")} warning(s), {c.Count("info")} info{(rules.Length == 0 ? string.Empty : ": " + rules)}");
        }

        o.WriteLine();
        o.WriteLine("* marks a cell that differs from what most clusters run there (absence included).");
    }
}
