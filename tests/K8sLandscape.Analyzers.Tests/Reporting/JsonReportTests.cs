using K8sLandscape.Analyzers.Reporting;
using K8sLandscape.TestSupport;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace K8sLandscape.Analyzers.Tests.Reporting;

public class JsonReportTests
{
    private static readonly string SchemaPath = Corpus.InRepository("docs/report-schema.json");

    private static async Task<ICollection<NJsonSchema.Validation.ValidationError>> Validate(string json)
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        return schema.Validate(json);
    }

    [Fact]
    public async Task Fixture_report_with_coverage_is_valid_against_docs_report_schema()
    {
        using var dir = new TempDir();
        var json = ReportFixture.Render(new JsonReportWriter(), ReportFixture.Create(dir.Path));

        Assert.Empty(await Validate(json));
        Assert.NotNull(JObject.Parse(json)["coverage"]);
    }

    [Fact]
    public async Task Samples_cluster_report_is_valid_against_docs_report_schema()
    {
        var report = SampleReports.Samples();
        var json = ReportFixture.Render(new JsonReportWriter(), report);

        Assert.Empty(await Validate(json));
        var root = JObject.Parse(json);
        Assert.Null(root["coverage"]);
        Assert.Equal(33, (int)root["summary"]!["objects"]!);
    }

    [SkippableFact]
    public async Task Whole_corpus_report_is_valid_against_docs_report_schema()
    {
        var corpus = Corpus.Require();
        var json = ReportFixture.Render(new JsonReportWriter(), SampleReports.Of([corpus], corpus));

        Assert.Empty(await Validate(json));
        Assert.NotEmpty((JArray)JObject.Parse(json)["loadDiagnostics"]!);
    }

    [Fact]
    public async Task The_schema_rejects_a_finding_without_ruleId()
    {
        using var dir = new TempDir();
        var root = JObject.Parse(ReportFixture.Render(new JsonReportWriter(), ReportFixture.Create(dir.Path)));
        ((JObject)root["findings"]![0]!).Remove("ruleId");

        var errors = Flatten(await Validate(root.ToString())).ToArray();

        Assert.Contains(errors, e => e.Kind == NJsonSchema.Validation.ValidationErrorKind.PropertyRequired && e.Property == "ruleId");
    }

    [Fact]
    public async Task The_schema_rejects_an_unknown_property()
    {
        using var dir = new TempDir();
        var root = JObject.Parse(ReportFixture.Render(new JsonReportWriter(), ReportFixture.Create(dir.Path)));
        root["surprise"] = 1;

        Assert.Contains(await Validate(root.ToString()), e => e.Kind == NJsonSchema.Validation.ValidationErrorKind.NoAdditionalPropertiesAllowed && e.Property == "surprise");
    }

    private static IEnumerable<NJsonSchema.Validation.ValidationError> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors) =>
        errors.SelectMany(e => e is NJsonSchema.Validation.ChildSchemaValidationError c
            ? Flatten(c.Errors.SelectMany(p => p.Value)).Prepend(e)
            : [e]);

    [Fact]
    public void Findings_carry_rule_severity_location_related_subject_suppression_and_inventory()
    {
        using var dir = new TempDir();
        var root = JObject.Parse(ReportFixture.Render(new JsonReportWriter(), ReportFixture.Create(dir.Path)));
        Assert.Equal(JsonReportWriter.SchemaVersion, (string?)root["schemaVersion"]);
        var findings = root["findings"]!.Cast<JObject>().ToArray();

        var conflict = findings.Single(f => (string?)f["ruleId"] == "RPT001");
        Assert.Equal("error", (string?)conflict["severity"]);
        Assert.Equal("network", (string?)conflict["area"]);
        Assert.Equal("manifests/network.yaml", (string?)conflict["location"]!["path"]);
        Assert.Equal(1, (int)conflict["location"]!["line"]!);
        Assert.Equal("kube-system", (string?)conflict["subject"]!["namespace"]);
        Assert.Equal("apps", (string?)conflict["subject"]!["group"]);
        var related = Assert.Single(conflict["relatedLocations"]!);
        Assert.Equal("manifests/other.yaml", (string?)related["path"]);
        Assert.Equal(1, (int)related["line"]!);
        Assert.Equal("kube-flannel", (string?)related["subject"]!["namespace"]);

        var silenced = findings.Single(f => (bool)f["suppressed"]!);
        Assert.Equal("RPT002", (string?)silenced["ruleId"]);
        Assert.Equal("owned by the platform team", (string?)silenced["suppressionReason"]);
        Assert.Equal("manifests/other.yaml", (string?)silenced["location"]!["path"]);

        var unreadable = findings.Single(f => (string?)f["ruleId"] == "KL0003");
        Assert.Equal(0, (int)unreadable["location"]!["line"]!);
        Assert.Equal(JTokenType.Null, unreadable["subject"]!.Type);
        Assert.Contains(findings, f => (string?)f["ruleId"] == "KL0091" && (string?)f["location"]!["path"] == "cluster://test/apis/apps/v1/daemonsets");

        Assert.Equal(1, (int)root["summary"]!["suppressed"]!);
        Assert.Equal(2, (int)root["summary"]!["errors"]!); // RPT001 and KL0003
        Assert.Equal(2, ((JArray)root["loadDiagnostics"]!).Count);
        Assert.Equal("denied", (string?)root["coverage"]!["kinds"]![0]!["outcome"]);
        Assert.False((bool)root["coverage"]!["complete"]!);
    }

    [Fact]
    public void Inventory_summary_lists_components_and_implementation_counts_per_extension_point()
    {
        var root = JObject.Parse(ReportFixture.Render(new JsonReportWriter(), SampleReports.Samples()));
        var points = root["inventory"]!["extensionPoints"]!.Cast<JObject>().ToArray();

        // samples/README.md: calico and flannel both implement pod-network (planted conflict 1).
        var podNetwork = points.Single(p => (string?)p["name"] == "pod-network");
        Assert.Equal(2, (int)podNetwork["implementationCount"]!);
        Assert.True((bool)podNetwork["expectsSingle"]!);
        Assert.True((bool)podNetwork["conflicting"]!);
        var components = root["inventory"]!["components"]!.Cast<JObject>().Select(c => (string?)c["id"]).ToArray();
        Assert.Contains("calico", components);
        Assert.Contains("flannel", components);
    }
}
