using K8sLandscape.Analyzers.Baselines;
using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Analyzers.Reporting;
using Newtonsoft.Json.Linq;

namespace K8sLandscape.Analyzers.Tests.Baselines;

public class BaselineTests
{
    private const string Maps = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: first, namespace: apps}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: other, namespace: apps}
        """;

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "k8sl-baseline");

    private static AnalysisReport Report(string yaml, Baseline? baseline = null)
    {
        var landscape = TestLandscapes.FromYaml(yaml, Path.Combine(Folder, "m.yaml"));
        var result = TestLandscapes.Engine(new ConflictTestAnalyzer(), new EveryObjectAnalyzer()).Run(landscape);
        return new AnalysisReport(landscape, result) { BaseDirectory = Folder, Baseline = baseline };
    }

    private static Baseline RoundTrip(Baseline baseline)
    {
        var text = new StringWriter();
        baseline.Write(text);
        return Baseline.Parse(text.ToString(), "baseline.json");
    }

    [Fact]
    public void Moved_lines_leave_every_finding_unchanged_and_the_report_empty()
    {
        var baseline = RoundTrip(Baseline.Of(Report(Maps)));

        var moved = Report("# a comment\n\n" + Maps, baseline);

        Assert.Equal(3, baseline.Entries.Count);
        Assert.Empty(moved.Findings);
        Assert.Equal(0, moved.Summary.Active);
        Assert.Equal(3, moved.BaselineComparison!.Unchanged.Count);
        Assert.Empty(moved.BaselineComparison.Absent);
    }

    [Fact]
    public void A_new_object_makes_new_findings_and_a_changed_conflict_is_new_while_the_old_one_is_absent()
    {
        var baseline = Baseline.Of(Report(Maps));

        // A third ConfigMap: one more TEST001, and the TEST020 conflict now has another party.
        var report = Report(Maps + "\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: third, namespace: apps}\n", baseline);

        var c = report.BaselineComparison!;
        Assert.Equal(["TEST020 ConfigMap first conflicts", "TEST001 Object third seen"], c.New.Select(f => $"{f.Id} {f.Message}").Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(["TEST001", "TEST001"], c.Unchanged.Select(f => f.Id));
        Assert.Equal("TEST020", Assert.Single(c.Absent).RuleId);
        Assert.Equal(c.New, report.Findings);
    }

    [Fact]
    public void A_fingerprint_recorded_once_accepts_one_finding_only()
    {
        var entry = Baseline.Of(Report(Maps)).Entries.First(e => e.Subject == "ConfigMap apps/other");
        var json = new JObject { ["findings"] = new JArray(JObject.FromObject(new { fingerprint = entry.Fingerprint, ruleId = entry.RuleId })) };
        var baseline = Baseline.Parse(json.ToString(), "b.json");

        // The same object defined twice: two findings with one identity.
        var report = Report(Maps + "\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: other, namespace: apps}\n", baseline);

        Assert.Single(report.BaselineComparison!.Unchanged);
        Assert.Contains(report.Findings, f => f.Subject?.Name == "other" && f.Id == "TEST001");
    }

    [Fact]
    public void Suppressed_findings_are_not_recorded()
    {
        var yaml = Maps.Replace("{name: other, namespace: apps}", "{name: other, namespace: apps, annotations: {k8s-landscape.io/ignore: TEST001}}", StringComparison.Ordinal);

        var baseline = Baseline.Of(Report(yaml));

        Assert.DoesNotContain(baseline.Entries, e => e.Subject == "ConfigMap apps/other" && e.RuleId == "TEST001");
        Assert.Equal(2, baseline.Entries.Count);
    }

    [Fact]
    public void The_file_is_sorted_readable_json()
    {
        var text = new StringWriter();
        Baseline.Of(Report(Maps)).Write(text);

        var json = JObject.Parse(text.ToString());
        Assert.Equal("1.0", (string?)json["schemaVersion"]);
        Assert.Equal(["TEST001", "TEST001", "TEST020"], json["findings"]!.Select(f => (string)f["ruleId"]!));
        Assert.Equal("m.yaml:3", (string?)json["findings"]![0]!["location"]);
        Assert.Matches("^[0-9a-f]{32}$", (string?)json["findings"]![0]!["fingerprint"]);
    }

    [Theory]
    [InlineData("{", "b.json:1:1: (syntax)")]
    [InlineData("[]", "b.json:1:1: findings")]
    [InlineData("{\n\"findings\": [\n  {\"fingerprint\": \"ABC\", \"ruleId\": \"kl1\"},\n  7\n]}", "b.json:3:23: findings[0].fingerprint|b.json:3:40: findings[0].ruleId|b.json:4:3: findings[1]")]
    public void A_broken_file_is_reported_with_line_and_key(string text, string expected)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Baseline.Parse(text, "b.json"));

        Assert.Equal(expected, string.Join("|", ex.Errors.Select(e => $"{e.Location}: {e.Key}")));
    }
}
