using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Tests;

public class SuppressionTests
{
    private const string ThreeMaps = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: first, namespace: apps}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: vendor-chart
          namespace: vendor
          annotations:
            k8s-landscape.io/ignore: "TEST020"
            k8s-landscape.io/ignore-reason: "the vendor's chart ships it"
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: other, namespace: apps}
        """;

    [Fact]
    public void The_annotation_on_another_party_of_a_conflict_suppresses_it()
    {
        var result = TestLandscapes.Engine(new ConflictTestAnalyzer()).Run(TestLandscapes.FromYaml(ThreeMaps));

        var f = Assert.Single(result.Findings);
        Assert.Equal("first", f.Subject!.Name);
        Assert.Equal("the vendor's chart ships it", f.SuppressionReason);
    }

    [Fact]
    public void Without_the_annotation_on_any_party_the_conflict_stays_active()
    {
        var yaml = ThreeMaps.Replace("k8s-landscape.io/ignore: \"TEST020\"", "k8s-landscape.io/ignore: \"TEST001\"", StringComparison.Ordinal);

        var result = TestLandscapes.Engine(new ConflictTestAnalyzer(), new EveryObjectAnalyzer()).Run(TestLandscapes.FromYaml(yaml));

        Assert.False(Assert.Single(result.Findings, f => f.Id == "TEST020").Suppressed);
        Assert.True(Assert.Single(result.Findings, f => f.Id == "TEST001" && f.Subject!.Name == "vendor-chart").Suppressed);
    }

    [Fact]
    public void Ignore_all_suppresses_every_rule_on_the_object_and_says_where_without_a_reason()
    {
        var landscape = TestLandscapes.FromYaml("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: first
              annotations: {k8s-landscape.io/ignore: all}
            """);

        var result = TestLandscapes.Engine(new ConflictTestAnalyzer(), new EveryObjectAnalyzer()).Run(landscape);

        Assert.Equal(2, result.Findings.Count);
        Assert.All(result.Findings, f => Assert.Equal("annotation k8s-landscape.io/ignore on ConfigMap first", f.SuppressionReason));
        Assert.Empty(result.Active);
    }

    [Fact]
    public void An_annotation_naming_an_unknown_rule_is_a_KL0020_warning_at_the_annotation()
    {
        var landscape = TestLandscapes.FromYaml("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: typo
              annotations:
                k8s-landscape.io/ignore: "TEST001, TEST01, all"
            """);

        var result = TestLandscapes.Engine(new EveryObjectAnalyzer()).Run(landscape);

        var warning = Assert.Single(result.Findings, f => f.Id == "KL0020");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("Annotation k8s-landscape.io/ignore on ConfigMap typo names 'TEST01', which is not a rule id this run knows", warning.Message);
        Assert.Equal(6, warning.Location.Line);
        // 'all' covers KL0020 too: the object owner accepted everything about it.
        Assert.True(warning.Suppressed);
    }

    [Fact]
    public void Known_ids_raise_no_KL0020()
    {
        var landscape = TestLandscapes.FromYaml(ThreeMaps);

        var result = TestLandscapes.Engine(new ConflictTestAnalyzer()).Run(landscape);

        Assert.DoesNotContain(result.Findings, f => f.Id == "KL0020");
    }

    [Fact]
    public void An_ignore_entry_suppresses_matching_findings_with_its_reason_on_any_party()
    {
        var options = new AnalysisOptionsBuilder()
            .Ignore(new IgnoreEntry("TEST020", "accepted until the migration") { Kind = "configmap", Namespace = "apps", Name = "oth*" })
            .Build();
        var landscape = TestLandscapes.FromYaml(ThreeMaps.Replace("\"TEST020\"", "\"TEST001\"", StringComparison.Ordinal));

        var result = TestLandscapes.Engine(options, new ConflictTestAnalyzer(), new EveryObjectAnalyzer()).Run(landscape);

        Assert.Equal("accepted until the migration", Assert.Single(result.Findings, f => f.Id == "TEST020").SuppressionReason);
        Assert.False(Assert.Single(result.Findings, f => f.Id == "TEST001" && f.Subject!.Name == "other").Suppressed);
    }

    [Theory]
    [InlineData("Secret", null, null, null)]
    [InlineData(null, "vendor2", null, null)]
    [InlineData(null, null, "x*", null)]
    [InlineData(null, null, null, "vendor/**")]
    public void An_ignore_entry_whose_criteria_do_not_all_hold_for_a_party_suppresses_nothing(string? kind, string? ns, string? name, string? path)
    {
        var options = new AnalysisOptionsBuilder()
            .Ignore(new IgnoreEntry("TEST020", "no") { Kind = kind, Namespace = ns, Name = name, Path = path })
            .Build();
        var landscape = TestLandscapes.FromYaml(ThreeMaps.Replace("\"TEST020\"", "\"TEST001\"", StringComparison.Ordinal), "manifests/app.yaml");

        var result = TestLandscapes.Engine(options, new ConflictTestAnalyzer()).Run(landscape);

        Assert.False(Assert.Single(result.Findings, f => f.Id == "TEST020").Suppressed);
    }

    [Fact]
    public void An_ignore_entry_matches_paths_relative_to_the_base_folder()
    {
        var options = new AnalysisOptionsBuilder { BaseDirectory = Path.GetTempPath() }
            .Ignore(new IgnoreEntry("TEST020", "generated") { Path = "manifests/**" })
            .Build();
        var landscape = TestLandscapes.FromYaml(ThreeMaps.Replace("\"TEST020\"", "\"TEST001\"", StringComparison.Ordinal), Path.Combine(Path.GetTempPath(), "manifests", "app.yaml"));

        var result = TestLandscapes.Engine(options, new ConflictTestAnalyzer()).Run(landscape);

        Assert.Equal("generated", Assert.Single(result.Findings, f => f.Id == "TEST020").SuppressionReason);
    }

    [Fact]
    public void An_ignore_entry_for_a_rule_no_analyzer_declares_is_a_configuration_error()
    {
        var options = AnalysisConfigFile.Parse("ignore:\n  - rule: TEST999\n    reason: typo\n", "c.yaml");

        var ex = Assert.Throws<ConfigurationException>(() => TestLandscapes.Engine(options, new ConflictTestAnalyzer()));

        Assert.Equal("c.yaml:2:5: ignore[0].rule: unknown rule id 'TEST999'; 'k8s-landscape rules' lists every rule", Assert.Single(ex.Errors).ToString());
    }
}
