using System.Xml.Linq;
using K8sLandscape.Analyzers.Reporting;

namespace K8sLandscape.Analyzers.Tests.Reporting;

public class OtherFormatTests
{
    [Fact]
    public void JUnit_has_one_case_per_rule_one_failure_per_finding_and_skipped_for_suppressed()
    {
        using var dir = new TempDir();
        var report = ReportFixture.Create(dir.Path);
        var xml = XDocument.Parse(ReportFixture.Render(new JUnitReportWriter(), report));

        var cases = xml.Descendants("testcase").ToArray();
        Assert.Equal(report.Rules.Count, cases.Length);
        Assert.Equal(report.Rules.Select(r => r.Id), cases.Select(c => ((string)c.Attribute("name")!).Split(':')[0]).Order(StringComparer.Ordinal));
        var rpt2 = cases.Single(c => ((string)c.Attribute("name")!).StartsWith("RPT002:", StringComparison.Ordinal));
        Assert.Single(rpt2.Elements("failure"));
        var skipped = Assert.Single(rpt2.Elements("skipped"));
        Assert.Contains("owned by the platform team", (string)skipped.Attribute("message")!, StringComparison.Ordinal);
        var conflict = Assert.Single(cases.Single(c => ((string)c.Attribute("name")!).StartsWith("RPT001:", StringComparison.Ordinal)).Elements("failure"));
        Assert.Equal("error", (string)conflict.Attribute("type")!);
        Assert.StartsWith("manifests/network.yaml:1: ", (string)conflict.Attribute("message")!, StringComparison.Ordinal);
        Assert.Contains("also: manifests/other.yaml:1", conflict.Value, StringComparison.Ordinal);
        Assert.Empty(cases.Single(c => ((string)c.Attribute("name")!).StartsWith("KL0002:", StringComparison.Ordinal)).Elements());
        var root = xml.Root!;
        Assert.Equal(report.Summary.Active, (int)root.Attribute("failures")!);
        Assert.Equal(1, (int)root.Attribute("skipped")!);
    }

    [Fact]
    public void Markdown_has_a_summary_and_a_table_per_severity_with_escaped_cells()
    {
        using var dir = new TempDir();
        var md = ReportFixture.Render(new MarkdownReportWriter(), ReportFixture.Create(dir.Path));

        Assert.StartsWith("## ❌ k8s-landscape: 2 errors, 2 warnings, 0 infos (1 suppressed)", md, StringComparison.Ordinal);
        Assert.Contains("### Errors (2)", md, StringComparison.Ordinal);
        Assert.Contains("### Warnings (2)", md, StringComparison.Ordinal);
        Assert.DoesNotContain("### Infos", md, StringComparison.Ordinal);
        Assert.Contains("### Suppressed (1)", md, StringComparison.Ordinal);
        var row = md.Split('\n').Single(l => l.Contains("RPT002", StringComparison.Ordinal) && l.Contains("network.yaml", StringComparison.Ordinal));
        Assert.Contains(@"a \| b<br>second line &lt;script&gt;alert('x')&lt;/script&gt; &amp; \*bold\*", row, StringComparison.Ordinal);

        // Every table row keeps its column count: escaped pipes do not split cells.
        foreach (var line in md.Split('\n').Where(l => l.StartsWith("| [", StringComparison.Ordinal) || l.StartsWith("| KL", StringComparison.Ordinal) || l.StartsWith("| RPT", StringComparison.Ordinal)))
            Assert.Equal(5, System.Text.RegularExpressions.Regex.Count(line, @"(?<!\\)\|"));
        Assert.Contains("| [RPT001](https://example.org/k8s-landscape/blob/main/docs/rules/RPT001.md) | manifests/network.yaml:1 |", md, StringComparison.Ordinal);
        Assert.Contains("| manifests/other.yaml:1 |", md, StringComparison.Ordinal);
        Assert.Contains("Denied (the credentials may not list them)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_groups_by_area_and_rule_names_every_party_and_has_no_colour_by_default()
    {
        using var dir = new TempDir();
        var text = ReportFixture.Render(new TextReportWriter(), ReportFixture.Create(dir.Path));

        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("Network", text, StringComparison.Ordinal);
        Assert.Contains("RPT001 DaemonSets share a name (1)", text, StringComparison.Ordinal);
        Assert.Contains("  error RPT001 manifests/network.yaml:1: DaemonSet name 'cni' is used by 2 DaemonSets", text, StringComparison.Ordinal);
        Assert.Contains("also manifests/other.yaml:1", text, StringComparison.Ordinal);
        Assert.Contains("suppressed warning RPT002 manifests/other.yaml:17: silenced", text, StringComparison.Ordinal);
        // The note's line break is escaped: input text cannot start a line of its own.
        Assert.Contains(@"a | b\x0asecond line", text, StringComparison.Ordinal);
        Assert.All(text.Split('\n'), l => Assert.False(l.EndsWith(' '), $"trailing space: '{l}'"));
        Assert.Contains("reason: owned by the platform team", text, StringComparison.Ordinal);
        Assert.Contains("Cluster: context 'test' at https://127.0.0.1:6443, Kubernetes v1.31.2", text, StringComparison.Ordinal);
        Assert.Contains("2 errors, 2 warnings, 0 infos (1 suppressed).", text, StringComparison.Ordinal);
        Assert.All(text.Split('\n'), l => Assert.True(l.TrimEnd('\r').Length <= TextReportWriter.DefaultWidth, l));
        Assert.True(text.IndexOf("Network", StringComparison.Ordinal) < text.IndexOf("Lifecycle managers", StringComparison.Ordinal));
        Assert.True(text.IndexOf("Lifecycle managers", StringComparison.Ordinal) < text.IndexOf("Loading and engine", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_with_colour_writes_ansi_escapes_and_fits_a_narrow_width()
    {
        using var dir = new TempDir();
        var text = ReportFixture.Render(new TextReportWriter(color: true, width: 60), ReportFixture.Create(dir.Path));

        Assert.Contains("\u001b[", text, StringComparison.Ordinal);
        var plain = System.Text.RegularExpressions.Regex.Replace(text, "\u001b\\[[0-9;]*m", string.Empty);
        Assert.All(plain.Split('\n'), l => Assert.True(l.TrimEnd('\r').Length <= 60, l));
    }

    [Fact]
    public void Html_escapes_input_text_and_marks_the_landscape()
    {
        using var dir = new TempDir();
        var html = ReportFixture.Render(new HtmlReportWriter(), ReportFixture.Create(dir.Path));

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; *bold*", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script>"));
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-severity=\"suppressed\" data-area=\"lifecycle\">", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-severity=\"error\" data-area=\"network\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_of_samples_marks_the_planted_conflicting_extension_points()
    {
        var html = ReportFixture.Render(new HtmlReportWriter(), SampleReports.Samples());

        // samples/README.md planted conflicts 1-3: two CNIs, two default StorageClasses, two GPU device plugins.
        foreach (var point in new[] { "pod-network", "default-storage-class", "nvidia.com/gpu" })
            Assert.Contains($"<li class=\"point conflict\"><span class=\"name\">{point}</span><span class=\"flag\">conflict: one expected</span>", html, StringComparison.Ordinal);
        // Several CSI drivers are normal: that point may carry findings but is never "one expected".
        Assert.Contains("<span class=\"name\">csi-drivers</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<span class=\"name\">csi-drivers</span><span class=\"flag\">conflict: one expected", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_format_is_byte_identical_for_the_same_input()
    {
        using var dir = new TempDir();
        foreach (var format in ReportFormats.Names)
        {
            var first = ReportFixture.Render(ReportFormats.Create(format), ReportFixture.Create(dir.Path));
            var second = ReportFixture.Render(ReportFormats.Create(format), ReportFixture.Create(dir.Path));
            Assert.False(string.IsNullOrWhiteSpace(first), format);
            Assert.Equal(first, second);
        }
    }

    [Fact]
    public void Cluster_coverage_diagnostics_become_findings_rather_than_crashing_the_load_analyzer()
    {
        using var dir = new TempDir();
        var report = ReportFixture.Create(dir.Path);

        var denied = Assert.Single(report.Findings, f => f.Id == "KL0091");
        Assert.Equal(K8sLandscape.Loading.DiagnosticSeverity.Warning, denied.Severity);
        Assert.DoesNotContain(report.Findings, f => f.Id == "KL0001");
    }
}
