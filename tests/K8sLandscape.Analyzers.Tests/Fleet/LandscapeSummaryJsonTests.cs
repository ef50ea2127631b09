using System.Text.Json;
using K8sLandscape.Analyzers.Fleet;
using K8sLandscape.TestSupport;
using NJsonSchema;
using static K8sLandscape.Analyzers.Tests.Fleet.Summaries;

namespace K8sLandscape.Analyzers.Tests.Fleet;

public class LandscapeSummaryJsonTests
{
    private static LandscapeSummary Sample() =>
        Cluster("eu-1", [Point("api", "api-group:x.io", Impl("x", "1.2.0", ("crd/a.x.io.served", "v1")))], new SummaryFinding("KL5001", "warning", "m", "crd a"));

    [Fact]
    public void A_summary_reads_back_as_written()
    {
        var json = LandscapeSummaryBuilderTests.Json(Sample());

        using var doc = JsonDocument.Parse(json);
        var back = LandscapeSummaryJson.Find(doc.RootElement);

        Assert.NotNull(back);
        Assert.Equal(json, LandscapeSummaryBuilderTests.Json(back));
    }

    [Fact]
    public void A_report_carries_it_under_landscapeSummary_and_other_json_carries_none()
    {
        var inner = LandscapeSummaryBuilderTests.Json(Sample());
        using var report = JsonDocument.Parse("{\"schemaVersion\":\"1.1\",\"landscapeSummary\":" + inner + "}");
        using var other = JsonDocument.Parse("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[]}");

        Assert.Equal("eu-1", LandscapeSummaryJson.Find(report.RootElement)?.Name);
        Assert.Null(LandscapeSummaryJson.Find(other.RootElement));
    }

    [Theory]
    [InlineData("\"schemaVersion\":\"1.0\"", "\"schemaVersion\":\"9\"", "schemaVersion '9' is not supported")]
    [InlineData("\"versions\":[\"1.2.0\"]", "\"versions\":[12]", "extensionPoints[0].implementations[0].versions[0] must be a string")]
    [InlineData("\"objects\":10", "\"objects\":\"ten\"", "objects must be an integer")]
    public void A_malformed_summary_says_where(string from, string to, string message)
    {
        var compact = new StringWriter();
        using (var w = new Newtonsoft.Json.JsonTextWriter(compact)) LandscapeSummaryJson.Write(w, Sample());
        Assert.Contains(from, compact.ToString(), StringComparison.Ordinal); // the change must hit something
        var json = compact.ToString().Replace(from, to, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);

        var ex = Assert.Throws<FormatException>(() => LandscapeSummaryJson.Find(doc.RootElement));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_compare_and_fleet_json_are_valid_against_their_schemas()
    {
        var fleetSchema = await JsonSchema.FromFileAsync(Corpus.InRepository("docs/fleet-schema.json"));
        var compareSchema = await JsonSchema.FromFileAsync(Corpus.InRepository("docs/compare-schema.json"));
        var a = LandscapeSummaryBuilder.Build(TestLandscapes.FromFiles(("a.yaml", File.ReadAllText(Corpus.InRepository("samples/cluster/storage.yaml")))), [], "a", "a.yaml");
        var b = Sample();
        var fleet = new FleetMatrixBuilder();
        fleet.Add(a);
        fleet.Add(b);
        var fleetJson = new StringWriter();
        FleetJsonWriter.Write(fleet.Build(), fleetJson);
        var compareJson = new StringWriter();
        CompareJsonWriter.Write(LandscapeComparer.Compare(a, b, new MustMatch(["csi-drivers"])), compareJson);

        Assert.Empty(fleetSchema.Definitions["landscapeSummary"].Validate(LandscapeSummaryBuilderTests.Json(a)));
        Assert.Empty(fleetSchema.Validate(fleetJson.ToString()));
        Assert.Empty(compareSchema.Validate(compareJson.ToString()));
        Assert.NotEmpty(compareSchema.Validate(compareJson.ToString().Replace("\"mustMatchViolations\"", "\"violations\"", StringComparison.Ordinal)));
    }
}
