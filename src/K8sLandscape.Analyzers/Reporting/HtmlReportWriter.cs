using System.Globalization;
using System.Text;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers.Reporting;

/// <summary>
/// Writes one self-contained HTML page (inline CSS and script, nothing fetched from the network, a
/// Content-Security-Policy that forbids it): the landscape map along its two axes (infrastructure:
/// runtime, network, storage, devices; application management: APIs, admission, lifecycles) with
/// each extension point's implementations and conflicting points marked, then the findings in a
/// table filterable by severity, area and text, worst first and sortable by any column. Every value
/// from the input is HTML-escaped, and control and bidi characters are shown as <c>\u202e</c>.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    /// <summary>The attribute the page's script sets on <c>&lt;html&gt;</c> once it has run (tests look for it).</summary>
    public const string ReadyAttribute = "data-report-ready";

    /// <inheritdoc />
    public string Format => ReportFormats.Html;

    /// <inheritdoc />
    public string FileExtension => ".html";

    /// <inheritdoc />
    public void Write(AnalysisReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var conflicts = new ConflictMap(report);
        var summary = report.Summary;
        var landscape = report.Landscape;
        var o = new StringBuilder(64 * 1024);
        o.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        o.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n");
        o.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        o.Append("<title>k8s-landscape report</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");

        o.Append("<header>\n<h1>k8s-landscape</h1>\n");
        o.Append(Inv($"<p class=\"meta\">{H(AnalysisReport.ToolName)} {H(report.ToolVersion)} · {landscape.Objects.All.Count} object(s) · {landscape.Components.Count} component(s) recognized · {report.Rules.Count} rule(s) · Kubernetes {H(landscape.KubernetesVersion.ToString())}</p>\n"));
        if (report.Inputs.Count > 0) o.Append("<p class=\"meta\">Input: ").Append(string.Join(", ", report.Inputs.Select(i => "<code>" + H(report.DisplayPath(i)) + "</code>"))).Append("</p>\n");
        o.Append("<div class=\"counts\">");
        o.Append(Inv($"<span class=\"count sev-error\">{summary.Errors} error(s)</span><span class=\"count sev-warning\">{summary.Warnings} warning(s)</span><span class=\"count sev-info\">{summary.Infos} info</span><span class=\"count sev-suppressed\">{summary.Suppressed} suppressed</span>"));
        o.Append("</div>\n</header>\n<main>\n");

        if (report.Coverage is { } c)
        {
            o.Append("<section id=\"coverage\">\n<h2>Cluster coverage</h2>\n");
            o.Append("<p>").Append(H(CoverageText.Header(c))).Append("<br>").Append(H(CoverageText.Counts(c))).Append("</p>\n");
            o.Append(c.IsComplete ? "<p class=\"ok\">Every kind asked for was read.</p>\n" : "<p class=\"gap\">Some kinds were not read: findings about them cannot appear.</p>\n");
            foreach (var (title, kinds) in CoverageText.Gaps(c))
            {
                o.Append("<details><summary>").Append(H(title)).Append(Inv($" ({kinds.Count})</summary><ul>"));
                foreach (var k in kinds) o.Append("<li>").Append(H(k)).Append("</li>");
                o.Append("</ul></details>\n");
            }

            o.Append("</section>\n");
        }

        o.Append("<section id=\"map\">\n<h2>Landscape</h2>\n<div class=\"axes\">\n");
        WriteAxis(o, "Infrastructure", LandscapeAreas.Infrastructure, landscape, conflicts);
        WriteAxis(o, "Application management", LandscapeAreas.ApplicationManagement, landscape, conflicts);
        o.Append("</div>\n</section>\n");

        WriteFindings(o, report);
        o.Append("</main>\n<script>\n").Append(Script).Append("</script>\n</body>\n</html>\n");
        output.Write(o.ToString());
        output.Flush();
    }

    /// <summary>Escapes text for HTML element content and quoted attribute values.</summary>
    public static string H(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    // Controls and bidi overrides show as \x1b / \u202e: a name cannot reorder what the page shows.
                    if (ch is '\n' or '\t' || !TerminalText.IsUnsafe(ch)) sb.Append(ch);
                    else sb.Append(TerminalText.Escape(ch.ToString()));
                    break;
            }
        }

        return sb.ToString();
    }

    private static void WriteAxis(StringBuilder o, string title, IReadOnlyList<string> areas, Landscape landscape, ConflictMap conflicts)
    {
        o.Append("<div class=\"axis\">\n<h3>").Append(H(title)).Append("</h3>\n");
        var byArea = landscape.ExtensionPoints.ToLookup(p => p.Area, StringComparer.Ordinal);
        foreach (var area in areas)
        {
            var points = byArea[area].ToArray();
            var findings = conflicts.FindingsIn(area);
            var conflicting = points.Count(conflicts.IsConflicting);
            o.Append("<div class=\"area").Append(conflicting > 0 ? " has-conflict" : string.Empty)
                .Append("\" data-area=\"").Append(H(area)).Append("\" title=\"Show this area's findings\">\n<h4>").Append(H(ReportAreas.Title(area)));
            if (findings > 0) o.Append(Inv($" <span class=\"badge\">{findings} finding(s)</span>"));
            o.Append("</h4>\n");
            if (points.Length == 0)
            {
                o.Append("<p class=\"none\">No extension point found.</p>\n</div>\n");
                continue;
            }

            o.Append("<ul>\n");
            foreach (var p in points)
            {
                var conflict = conflicts.IsConflicting(p);
                o.Append("<li class=\"point").Append(conflict ? " conflict" : string.Empty).Append("\"><span class=\"name\">").Append(H(p.Name)).Append("</span>");
                if (conflict) o.Append(ConflictMap.IsOverfilled(p) ? "<span class=\"flag\">conflict: one expected</span>" : "<span class=\"flag\">conflict</span>");
                o.Append("<span class=\"impls\">");
                if (p.Implementations.Count == 0) o.Append("<span class=\"none\">none</span>");
                foreach (var i in p.Implementations)
                {
                    o.Append("<span class=\"impl").Append(i.Recognized ? string.Empty : " unrecognized").Append("\" title=\"").Append(H(i.Id))
                        .Append(Inv($" ({i.Objects.Count} object(s))")).Append("\">").Append(H(i.Name)).Append("</span>");
                }

                o.Append("</span></li>\n");
            }

            o.Append("</ul>\n</div>\n");
        }

        o.Append("</div>\n");
    }

    private static void WriteFindings(StringBuilder o, AnalysisReport report)
    {
        o.Append("<section id=\"findings\">\n<h2>Findings</h2>\n<div class=\"filters\">\n");
        foreach (var s in new[] { "error", "warning", "info", "suppressed" })
            o.Append("<label class=\"sev-").Append(s).Append("\"><input type=\"checkbox\" name=\"severity\" value=\"").Append(s).Append("\" checked> ").Append(s).Append("</label>\n");
        o.Append("<select id=\"area-filter\" aria-label=\"Area\"><option value=\"\">all areas</option>");
        foreach (var area in ReportAreas.All) o.Append("<option value=\"").Append(H(area)).Append("\">").Append(H(ReportAreas.Title(area))).Append("</option>");
        o.Append("</select>\n<input id=\"text-filter\" type=\"search\" placeholder=\"filter text\" aria-label=\"Filter text\">\n<span id=\"shown\"></span>\n</div>\n");
        if (report.Findings.Count == 0)
        {
            o.Append("<p class=\"ok\">No findings.</p>\n</section>\n");
            return;
        }

        o.Append("<table id=\"findings-table\">\n<thead><tr>");
        foreach (var column in new[] { "Severity", "Rule", "Location", "Message", "Other parties" })
            o.Append("<th aria-sort=\"none\"><button type=\"button\" class=\"sort\">").Append(column).Append("</button></th>");
        o.Append("</tr></thead>\n<tbody>\n");
        // Worst first, then by location: the order a reader fixes things in. Columns re-sort on click;
        // each cell's data-key keeps numbers and severities in their natural order.
        var ordered = report.Findings
            .OrderBy(f => f.Suppressed ? 1 : 0)
            .ThenByDescending(f => f.Severity)
            .ThenBy(f => f, FindingComparer.Instance)
            .ToArray();
        for (var n = 0; n < ordered.Length; n++)
        {
            var f = ordered[n];
            var severity = f.Suppressed ? "suppressed" : SeverityText.Format(f.Severity);
            var area = AnalysisReport.AreaOf(f.Rule);
            var rank = f.Suppressed ? 3 : 2 - (int)f.Severity;
            o.Append("<tr data-severity=\"").Append(severity).Append("\" data-area=\"").Append(H(area)).Append("\">");
            o.Append(Inv($"<td data-key=\"{rank}.{n:D6}\"><span class=\"sev sev-")).Append(severity).Append("\">").Append(H(SeverityText.Format(f.Severity))).Append(f.Suppressed ? " (suppressed)" : string.Empty).Append("</span></td>");
            var help = report.HelpUriOf(f.Rule);
            o.Append("<td>");
            if (help is null) o.Append("<b>").Append(H(f.Id)).Append("</b>");
            else o.Append("<a href=\"").Append(H(help.AbsoluteUri)).Append("\"><b>").Append(H(f.Id)).Append("</b></a>");
            o.Append("<br><small>").Append(H(f.Rule.Title)).Append("</small></td>");
            o.Append("<td data-key=\"").Append(H(report.DisplayPath(f.Location.Path))).Append(Inv($"#{f.Location.Line:D9}:{f.Location.Column:D9}\">"))
                .Append("<code>").Append(H(report.DisplayLocation(f.Location))).Append("</code></td>");
            o.Append("<td>").Append(H(f.Message));
            if (f.SuppressionReason is { } reason) o.Append("<br><small>suppressed: ").Append(H(reason)).Append("</small>");
            o.Append("</td><td>");
            foreach (var r in f.RelatedLocations)
            {
                var other = report.SubjectAt(r);
                o.Append("<code>").Append(H(report.DisplayLocation(r))).Append("</code>");
                if (other is not null) o.Append(" <small>").Append(H(other.ToString())).Append("</small>");
                o.Append("<br>");
            }

            o.Append("</td></tr>\n");
        }

        o.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private const string Css = """
        :root { --error: #c62828; --warning: #b26a00; --info: #1565c0; --suppressed: #757575; --ok: #2e7d32; --line: #d0d7de; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #f6f8fa; }
        header { background: #0d2a4a; color: #fff; padding: 16px 24px; }
        header h1 { margin: 0 0 4px; font-size: 22px; }
        .meta { margin: 2px 0; opacity: .9; }
        .counts { margin-top: 8px; display: flex; gap: 8px; flex-wrap: wrap; }
        .count { padding: 2px 10px; border-radius: 12px; background: #fff; font-weight: 600; }
        main { padding: 16px 24px; }
        h2 { font-size: 18px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        .axes { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
        .axis h3 { margin: 0 0 8px; font-size: 15px; text-transform: uppercase; letter-spacing: .05em; color: #57606a; }
        .area { background: #fff; border: 1px solid var(--line); border-left: 6px solid var(--ok); border-radius: 6px; padding: 8px 12px; margin-bottom: 12px; cursor: pointer; }
        .area.has-conflict { border-left-color: var(--error); }
        .area h4 { margin: 0 0 6px; font-size: 15px; }
        .area ul { list-style: none; margin: 0; padding: 0; }
        .point { padding: 3px 0; border-top: 1px dashed #eaeef2; display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline; }
        .point .name { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; min-width: 12em; }
        .point.conflict .name { color: var(--error); font-weight: 700; }
        .impl { background: #ddf4ff; border-radius: 4px; padding: 0 6px; }
        .impl.unrecognized { background: #eaeef2; font-style: italic; }
        .point.conflict .impl { background: #ffebe9; }
        .flag { background: var(--error); color: #fff; border-radius: 4px; padding: 0 6px; font-size: 11px; }
        .badge { background: var(--error); color: #fff; border-radius: 10px; padding: 0 8px; font-size: 12px; }
        .none { color: #8c959f; }
        .filters { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
        .filters input[type=search] { padding: 4px 8px; min-width: 16em; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #eaeef2; }
        code { font-size: 12px; overflow-wrap: anywhere; word-break: break-word; }
        td { overflow-wrap: anywhere; }
        th button.sort { all: unset; cursor: pointer; font-weight: 700; }
        th[aria-sort=ascending] button.sort::after { content: " \25B2"; }
        th[aria-sort=descending] button.sort::after { content: " \25BC"; }
        .sev { font-weight: 700; }
        .sev-error { color: var(--error); }
        .sev-warning { color: var(--warning); }
        .sev-info { color: var(--info); }
        .sev-suppressed { color: var(--suppressed); }
        tr[data-severity=suppressed] td { opacity: .7; }
        .ok { color: var(--ok); font-weight: 600; }
        .gap { color: var(--warning); font-weight: 600; }
        @media (max-width: 900px) { .axes { grid-template-columns: 1fr; } }

        """;

    private const string Script = """
        (function () {
          'use strict';
          var rows = Array.prototype.slice.call(document.querySelectorAll('#findings-table tbody tr'));
          var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name=severity]'));
          var area = document.getElementById('area-filter');
          var text = document.getElementById('text-filter');
          var shown = document.getElementById('shown');
          function apply() {
            var on = {};
            boxes.forEach(function (b) { on[b.value] = b.checked; });
            var a = area.value;
            var q = text.value.trim().toLowerCase();
            var n = 0;
            rows.forEach(function (r) {
              var ok = on[r.getAttribute('data-severity')] === true &&
                (a === '' || r.getAttribute('data-area') === a) &&
                (q === '' || r.textContent.toLowerCase().indexOf(q) >= 0);
              r.hidden = !ok;
              if (ok) { n++; }
            });
            shown.textContent = n + ' of ' + rows.length + ' finding(s) shown';
          }
          boxes.forEach(function (b) { b.addEventListener('change', apply); });
          area.addEventListener('change', apply);
          text.addEventListener('input', apply);
          Array.prototype.forEach.call(document.querySelectorAll('.area[data-area]'), function (card) {
            card.addEventListener('click', function () {
              area.value = card.getAttribute('data-area');
              apply();
              document.getElementById('findings').scrollIntoView();
            });
          });
          var table = document.getElementById('findings-table');
          if (table) {
            var heads = Array.prototype.slice.call(table.querySelectorAll('thead th'));
            heads.forEach(function (th, col) {
              th.querySelector('button').addEventListener('click', function () {
                var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
                heads.forEach(function (h) { h.setAttribute('aria-sort', 'none'); });
                th.setAttribute('aria-sort', dir);
                function key(r) { var c = r.cells[col]; return c.getAttribute('data-key') || c.textContent; }
                rows.sort(function (a, b) {
                  var x = key(a), y = key(b);
                  var c = x < y ? -1 : x > y ? 1 : 0;
                  return dir === 'ascending' ? c : -c;
                });
                var body = table.tBodies[0];
                rows.forEach(function (r) { body.appendChild(r); });
              });
            });
          }
          apply();
          document.documentElement.setAttribute('data-report-ready', String(rows.length));
        })();

        """;
}
