using static System.Net.WebUtility;

namespace K8sLandscape.Analyzers.Fleet;

/// <summary>Writes a fleet matrix as one self-contained HTML page, odd cells highlighted, settings in each cell's tooltip.</summary>
public static class FleetHtmlWriter
{
    /// <summary>Writes <paramref name="m"/> to <paramref name="o"/>.</summary>
    public static void Write(FleetMatrix m, TextWriter o)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(o);
        o.WriteLine("<!DOCTYPE html>");
        o.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        o.WriteLine($"<title>k8s-landscape fleet of {m.Clusters.Count} cluster(s)</title>");
        o.WriteLine("<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;vertical-align:top;text-align:left}td.odd{background:#fde2e1;font-weight:bold}td.absent{color:#999}td.num{text-align:right}</style>");
        o.WriteLine("</head><body>");
        o.WriteLine($"<h1>Fleet of {m.Clusters.Count} cluster(s)</h1>");
        o.WriteLine($"<p>{m.Points.Count} extension point(s), {m.FragmentedPoints} fragmented, {m.OddCells} odd cell(s) (highlighted); fragmentation {FleetFormats.Fraction(m.Fragmentation)}.</p>");
        o.Write("<table><thead><tr><th>area</th><th>extension point</th><th>implementations</th><th>versions</th><th>fragmentation</th>");
        foreach (var c in m.Clusters) o.Write($"<th title=\"{HtmlEncode(c.Source)}\">{HtmlEncode(c.Name)}</th>");
        o.WriteLine("</tr></thead><tbody>");
        foreach (var p in m.Points)
        {
            o.Write($"<tr><td>{HtmlEncode(p.Area)}</td><td><code>{HtmlEncode(p.Name)}</code></td><td class=\"num\">{p.Implementations}</td><td class=\"num\">{p.Versions}</td><td class=\"num\">{FleetFormats.Fraction(p.Fragmentation)}</td>");
            foreach (var cell in p.Cells)
            {
                var classes = string.Join(" ", new[] { cell.Odd ? "odd" : null, cell.Present ? null : "absent" }.OfType<string>());
                o.Write($"<td{(classes.Length == 0 ? string.Empty : $" class=\"{classes}\"")}{(cell.Present ? $" title=\"{HtmlEncode(cell.Signature)}\"" : string.Empty)}>{(cell.Present ? HtmlEncode(cell.Display) : "-")}</td>");
            }

            o.WriteLine("</tr>");
        }

        o.WriteLine("</tbody></table>");
        o.WriteLine("<h2>Findings per cluster</h2>");
        o.WriteLine("<table><thead><tr><th>cluster</th><th>errors</th><th>warnings</th><th>infos</th><th>rules</th></tr></thead><tbody>");
        foreach (var c in m.Clusters)
        {
            o.WriteLine($"<tr><td>{HtmlEncode(c.Name)}</td><td class=\"num\">{c.Count("error")}</td><td class=\"num\">{c.Count("warning")}</td><td class=\"num\">{c.Count("info")}</td><td>{HtmlEncode(string.Join(", ", c.ByRule.Select(r => $"{r.Key} x{r.Value}")))}</td></tr>");
        }

        o.WriteLine("</tbody></table>");
        o.WriteLine("</body></html>");
    }
}
