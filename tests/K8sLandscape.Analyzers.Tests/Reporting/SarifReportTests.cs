using K8sLandscape.Analyzers.Reporting;
using K8sLandscape.TestSupport;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace K8sLandscape.Analyzers.Tests.Reporting;

public class SarifReportTests
{
    private static async Task<ICollection<NJsonSchema.Validation.ValidationError>> ValidateAgainstOfficialSchema(string sarif)
    {
        var schema = await JsonSchema.FromFileAsync(Corpus.RequireSchema("sarif-schema-2.1.0.json"));
        return schema.Validate(sarif);
    }

    private static JObject Run(JObject sarif) => (JObject)sarif["runs"]![0]!;

    [SkippableFact]
    public async Task Fixture_report_is_valid_sarif_2_1_0()
    {
        using var dir = new TempDir();
        var sarif = ReportFixture.Render(new SarifReportWriter(), ReportFixture.Create(dir.Path));

        var errors = await ValidateAgainstOfficialSchema(sarif);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [SkippableFact]
    public async Task Samples_cluster_report_is_valid_sarif_2_1_0()
    {
        var sarif = ReportFixture.Render(new SarifReportWriter(), SampleReports.Samples());

        var errors = await ValidateAgainstOfficialSchema(sarif);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [SkippableFact]
    public async Task Whole_corpus_report_is_valid_sarif_2_1_0()
    {
        var corpus = Corpus.Require();
        var report = SampleReports.Of([corpus], Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(corpus))!);
        var sarif = ReportFixture.Render(new SarifReportWriter(), report);

        var errors = await ValidateAgainstOfficialSchema(sarif);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        Assert.NotEmpty(report.Findings);
        Assert.All(Run(JObject.Parse(sarif))["results"]!, r => Assert.StartsWith("corpus/", (string?)r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"], StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task The_official_schema_catches_a_broken_result()
    {
        using var dir = new TempDir();
        var sarif = JObject.Parse(ReportFixture.Render(new SarifReportWriter(), ReportFixture.Create(dir.Path)));
        Run(sarif)["results"]![0]!["level"] = "fatal";

        Assert.NotEmpty(await ValidateAgainstOfficialSchema(sarif.ToString()));
    }

    [Fact]
    public void Driver_rules_come_from_the_descriptors_and_results_point_at_them()
    {
        using var dir = new TempDir();
        var run = Run(JObject.Parse(ReportFixture.Render(new SarifReportWriter(), ReportFixture.Create(dir.Path))));
        var rules = run["tool"]!["driver"]!["rules"]!.Cast<JObject>().ToArray();

        var rpt = rules.Single(r => (string?)r["id"] == "RPT001");
        Assert.Equal(SameNameDaemonSetsAnalyzer.Rule.Title, (string?)rpt["shortDescription"]!["text"]);
        Assert.Equal("For report tests.", (string?)rpt["fullDescription"]!["text"]);
        Assert.Equal("error", (string?)rpt["defaultConfiguration"]!["level"]);
        Assert.Equal("DaemonSetsShareAName", (string?)rpt["name"]);
        var kl = rules.Single(r => (string?)r["id"] == "KL0091");
        Assert.Equal("https://example.org/k8s-landscape/blob/main/docs/rules/KL0091.md", (string?)kl["helpUri"]);
        Assert.Equal("warning", (string?)kl["defaultConfiguration"]!["level"]);

        foreach (var result in run["results"]!.Cast<JObject>())
        {
            var index = (int)result["ruleIndex"]!;
            Assert.Equal((string?)result["ruleId"], (string?)rules[index]["id"]);
        }
    }

    [Fact]
    public void Locations_are_relative_to_srcroot_with_a_region_only_when_the_line_is_known()
    {
        using var dir = new TempDir();
        var run = Run(JObject.Parse(ReportFixture.Render(new SarifReportWriter(), ReportFixture.Create(dir.Path))));
        var results = run["results"]!.Cast<JObject>().ToArray();

        Assert.Equal(new Uri(dir.Path + "/").AbsoluteUri, (string?)run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"]);
        var conflict = results.Single(r => (string?)r["ruleId"] == "RPT001");
        var physical = conflict["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("manifests/network.yaml", (string?)physical["artifactLocation"]!["uri"]);
        Assert.Equal("%SRCROOT%", (string?)physical["artifactLocation"]!["uriBaseId"]);
        Assert.Equal(1, (int)physical["region"]!["startLine"]!);
        Assert.Equal(1, (int)physical["region"]!["startColumn"]!);
        Assert.Equal("error", (string?)conflict["level"]);

        var related = Assert.Single(conflict["relatedLocations"]!);
        Assert.Equal(1, (int)related["id"]!);
        Assert.Equal("manifests/other.yaml", (string?)related["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.StartsWith("other party: DaemonSet", (string?)related["message"]!["text"], StringComparison.Ordinal);
        Assert.EndsWith(" kube-flannel/cni", (string?)related["message"]!["text"], StringComparison.Ordinal);

        var unreadable = results.Single(r => (string?)r["ruleId"] == "KL0003")["locations"]![0]!["physicalLocation"]!;
        Assert.Null(unreadable["region"]);
        Assert.Equal("manifests/missing.yaml", (string?)unreadable["artifactLocation"]!["uri"]);

        var cluster = results.Single(r => (string?)r["ruleId"] == "KL0091")["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("cluster://test/apis/apps/v1/daemonsets", (string?)cluster["artifactLocation"]!["uri"]);
        Assert.Null(cluster["artifactLocation"]!["uriBaseId"]);
        Assert.Null(cluster["region"]);
        Assert.Equal("warning", (string?)results.Single(r => (string?)r["ruleId"] == "KL0091")["level"]);
    }

    [Fact]
    public void Suppressed_findings_carry_an_in_source_suppression_with_the_reason()
    {
        using var dir = new TempDir();
        var results = Run(JObject.Parse(ReportFixture.Render(new SarifReportWriter(), ReportFixture.Create(dir.Path))))["results"]!.Cast<JObject>().ToArray();

        var suppressed = Assert.Single(results, r => r["suppressions"] is not null);
        Assert.Equal("RPT002", (string?)suppressed["ruleId"]);
        var s = Assert.Single(suppressed["suppressions"]!);
        Assert.Equal("inSource", (string?)s["kind"]);
        Assert.Equal("owned by the platform team", (string?)s["justification"]);
    }

    [Fact]
    public void Fingerprints_do_not_move_with_lines_but_change_with_the_parties()
    {
        using var dir = new TempDir();
        static string Fingerprint(AnalysisReport report) =>
            (string)Run(JObject.Parse(ReportFixture.Render(new SarifReportWriter(), report)))["results"]!
                .Single(r => (string?)r["ruleId"] == "RPT001")["partialFingerprints"]![FindingFingerprint.Key]!;
        static int Line(AnalysisReport report) => report.Findings.Single(f => f.Id == "RPT001").Location.Line;

        var before = ReportFixture.Create(dir.Path);
        var moved = ReportFixture.Create(dir.Path, network: "# a comment\n\n\n" + ReportFixture.Network);
        var otherParty = ReportFixture.Create(dir.Path, other: ReportFixture.Other.Replace("namespace: kube-flannel", "namespace: cilium", StringComparison.Ordinal));

        Assert.Equal(1, Line(before));
        Assert.Equal(4, Line(moved));
        Assert.Equal(Fingerprint(before), Fingerprint(moved));
        Assert.NotEqual(Fingerprint(before), Fingerprint(otherParty));
        Assert.Matches("^[0-9a-f]{32}$", Fingerprint(before));
    }
}
