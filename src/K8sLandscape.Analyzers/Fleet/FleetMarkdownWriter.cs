namespace K8sLandscape.Analyzers.Fleet;

/// <summary>Writes a fleet matrix as Markdown: figures, the matrix (odd cells in bold) and findings per cluster.</summary>
public static class FleetMarkdownWriter
{
    /// <summary>Writes <paramref name="m"/> to <paramref name="o"/>.</summary>
    public static void Write(FleetMatrix m, TextWriter o)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(o);
        o.WriteLine($"## Fleet of {m.Clusters.Count} cluster(s)");
        o.WriteLine();
        o.WriteLine($"{m.Points.Count} extension point(s), {m.FragmentedPoints} fragmented, {m.OddCells} odd cell(s) (in bold); fragmentation {FleetFormats.Fraction(m.Fragmentation)}.");
        o.WriteLine();
        o.WriteLine($"| area | extension point | implementations | versions | fragmentation | {string.Join(" | ", m.Clusters.Select(c => CompareMarkdownWriter.Cell(c.Name)))} |");
        o.WriteLine($"|---|---|---:|---:|---:|{string.Concat(m.Clusters.Select(_ => "---|"))}");
        foreach (var p in m.Points)
        {
            var cells = p.Cells.Select(c => c.Present ? CompareMarkdownWriter.Cell(c.Display) : "-").Select((t, i) => p.Cells[i].Odd ? $"**{t}**" : t);
            o.WriteLine($"| {p.Area} | `{p.Name}` | {p.Implementations} | {p.Versions} | {FleetFormats.Fraction(p.Fragmentation)} | {string.Join(" | ", cells)} |");
        }

        o.WriteLine();
        o.WriteLine("### Findings per cluster");
        o.WriteLine();
        o.WriteLine("| cluster | errors | warnings | infos | rules |");
        o.WriteLine("|---|---:|---:|---:|---|");
        foreach (var c in m.Clusters)
        {
            o.WriteLine($"| {CompareMarkdownWriter.Cell(c.Name)} | {c.Count("error")} | {c.Count("warning")} | {c.Count("info")} | {string.Join(", ", c.ByRule.Select(r => $"{r.Key} x{r.Value}"))} |");
        }
    }
}
