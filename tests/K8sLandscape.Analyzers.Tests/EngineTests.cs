using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Tests;

public class EngineTests
{
    private const string TwoConfigMaps = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: first
          namespace: team-a
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: second
          namespace: sandbox
        """;

    [Fact]
    public void Findings_come_sorted_by_path_line_column_rule_and_message()
    {
        var result = TestLandscapes.Engine(new ScrambledAnalyzer()).Run(TestLandscapes.Empty);

        Assert.Equal(
            ["a.yaml:2:1 TEST010 a 5", "a.yaml:2:1 TEST010 a 6", "a.yaml:2:5 TEST010 a 4", "a.yaml:2:5 TEST011 b 3", "a.yaml:10:1 TEST010 a 2", "b.yaml:1:1 TEST011 b 1"],
            result.Findings.Select(f => $"{f.Location} {f.Id} {f.Message}"));
    }

    [Fact]
    public void An_analyzer_that_throws_becomes_a_KL0001_finding_and_the_others_still_run()
    {
        var landscape = TestLandscapes.FromYaml(TwoConfigMaps);

        var result = TestLandscapes.Engine(new ThrowingAnalyzer(), new EveryObjectAnalyzer()).Run(landscape);

        var crash = Assert.Single(result.Findings, f => f.Id == "KL0001");
        Assert.Equal(DiagnosticSeverity.Error, crash.Severity);
        Assert.Contains(typeof(ThrowingAnalyzer).FullName!, crash.Message, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: boom at line 7", crash.Message, StringComparison.Ordinal);
        Assert.Equal(typeof(ThrowingAnalyzer).FullName, crash.Properties["analyzer"]);
        Assert.Equal(2, result.Findings.Count(f => f.Id == "TEST001"));
    }

    [Fact]
    public void A_finding_keeps_its_own_severity_and_properties_unless_the_configuration_sets_the_rules()
    {
        var landscape = TestLandscapes.FromYaml(TwoConfigMaps);

        var own = TestLandscapes.Engine(new OwnSeverityAnalyzer()).Run(landscape).Findings;
        Assert.Equal(2, own.Count);
        Assert.All(own, f => Assert.Equal(DiagnosticSeverity.Info, f.Severity));
        Assert.All(own, f => Assert.Equal("ConfigMap", f.Properties["kind"]));

        var options = new Configuration.AnalysisOptionsBuilder().SetSeverity(OwnSeverityAnalyzer.Rule.Id, DiagnosticSeverity.Warning).Build();
        var overridden = TestLandscapes.Engine(options, new OwnSeverityAnalyzer()).Run(landscape).Findings;
        Assert.All(overridden, f => Assert.Equal(DiagnosticSeverity.Warning, f.Severity));
    }

    [Fact]
    public void Reporting_a_rule_the_analyzer_did_not_declare_becomes_KL0001()
    {
        var result = TestLandscapes.Engine(new UndeclaredRuleAnalyzer()).Run(TestLandscapes.Empty);

        var crash = Assert.Single(result.Findings);
        Assert.Equal("KL0001", crash.Id);
        Assert.Contains("reported rule TEST001, which it does not declare", crash.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reporting_a_wrong_number_of_message_arguments_becomes_KL0001()
    {
        var result = TestLandscapes.Engine(new WrongArgumentCountAnalyzer()).Run(TestLandscapes.Empty);

        var crash = Assert.Single(result.Findings);
        Assert.Equal("KL0001", crash.Id);
        Assert.Contains("expects 2 argument(s) but 1 were given", crash.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyzers_run_concurrently()
    {
        using var barrier = new Barrier(2);
        var options = new AnalysisOptions { MaxParallelism = 2 };

        var result = TestLandscapes.Engine(options, new LeftRendezvous(barrier), new RightRendezvous(barrier)).Run(TestLandscapes.Empty);

        Assert.Equal(["TEST020", "TEST021"], result.Findings.Select(f => f.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Cancellation_stops_the_run_with_OperationCanceledException()
    {
        using var started = new ManualResetEventSlim();
        using var cts = new CancellationTokenSource();
        var engine = TestLandscapes.Engine(new WaitForCancellationAnalyzer(started));

        var run = Task.Run(() => engine.Run(TestLandscapes.Empty, cts.Token));
        Assert.True(started.Wait(TimeSpan.FromSeconds(20)));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public void A_cancelled_token_stops_the_run_before_it_starts()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => TestLandscapes.Engine(new EveryObjectAnalyzer()).Run(TestLandscapes.Empty, cts.Token));
    }

    [Fact]
    public void Two_analyzers_declaring_one_id_are_rejected_when_the_engine_is_built()
    {
        var first = new DeclaringAnalyzer(new RuleDescriptor("ACME001", "A", "a", RuleCategory.Api, DiagnosticSeverity.Info, "d"));
        var second = new SecondDeclaringAnalyzer(new RuleDescriptor("ACME001", "B", "b", RuleCategory.Api, DiagnosticSeverity.Info, "d"));

        var ex = Assert.Throws<AnalyzerRegistrationException>(() => new AnalyzerEngine([first, new EveryObjectAnalyzer(), second]));

        Assert.Equal("ACME001", ex.RuleId);
        Assert.Contains("already declares", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme001")]
    [InlineData("A001")]
    [InlineData("ACME01")]
    [InlineData("ACME-001")]
    [InlineData("TOOLONGPREFIX001")]
    public void Malformed_ids_are_rejected_naming_the_analyzer_and_id(string id)
    {
        var analyzer = new DeclaringAnalyzer(new RuleDescriptor(id, "T", "m", RuleCategory.Api, DiagnosticSeverity.Info, "d"));

        var ex = Assert.Throws<AnalyzerRegistrationException>(() => new AnalyzerEngine([analyzer]));

        Assert.Equal(id, ex.RuleId);
        Assert.Equal(analyzer.Name, ex.AnalyzerName);
        Assert.Contains("malformed", ex.Message, StringComparison.Ordinal);
        Assert.Contains(analyzer.Name, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_rules_may_not_use_the_reserved_KL_prefix()
    {
        var analyzer = new DeclaringAnalyzer(new RuleDescriptor("KL3999", "T", "m", RuleCategory.Storage, DiagnosticSeverity.Info, "d"));

        var ex = Assert.Throws<AnalyzerRegistrationException>(() => new AnalyzerEngine([analyzer]));

        Assert.Equal("KL3999", ex.RuleId);
        Assert.Contains("reserved", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_format_with_a_gap_in_its_placeholders_is_rejected()
    {
        var analyzer = new DeclaringAnalyzer(new RuleDescriptor("ACME002", "T", "{0} and {2}", RuleCategory.Api, DiagnosticSeverity.Info, "d"));

        var ex = Assert.Throws<AnalyzerRegistrationException>(() => new AnalyzerEngine([analyzer]));

        Assert.Equal("ACME002", ex.RuleId);
    }

    [Fact]
    public void Registering_the_same_analyzer_type_twice_runs_it_once()
    {
        var landscape = TestLandscapes.FromYaml(TwoConfigMaps);

        var result = TestLandscapes.Engine(new EveryObjectAnalyzer(), new EveryObjectAnalyzer()).Run(landscape);

        Assert.Equal(2, result.Findings.Count);
    }

    [Fact]
    public void An_unknown_rule_id_in_options_is_a_configuration_error_naming_file_line_and_key()
    {
        var options = AnalysisConfigFile.Parse("rules:\n  TEST001: { severity: error }\n  NOPE123: { enabled: false }\n", "conf.yaml");

        var ex = Assert.Throws<ConfigurationException>(() => TestLandscapes.Engine(options, new EveryObjectAnalyzer()));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(new SourceSpan("conf.yaml", 3, 3), error.Location);
        Assert.Equal("rules.NOPE123", error.Key);
        Assert.Contains("conf.yaml:3:3: rules.NOPE123: unknown rule id 'NOPE123'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Severity_overrides_disabled_rules_and_minimum_severity_apply()
    {
        var landscape = TestLandscapes.FromYaml(TwoConfigMaps);
        var raised = new AnalysisOptionsBuilder().SetSeverity("TEST001", DiagnosticSeverity.Error).Build();
        var disabled = new AnalysisOptionsBuilder().DisableRule("TEST001").Build();
        var errorsOnly = new AnalysisOptions { MinimumSeverity = DiagnosticSeverity.Error };

        Assert.All(TestLandscapes.Engine(raised, new EveryObjectAnalyzer()).Run(landscape).Findings, f => Assert.Equal(DiagnosticSeverity.Error, f.Severity));
        Assert.Empty(TestLandscapes.Engine(disabled, new EveryObjectAnalyzer()).Run(landscape).Findings);
        Assert.Empty(TestLandscapes.Engine(errorsOnly, new EveryObjectAnalyzer()).Run(landscape).Findings);
        Assert.Equal(2, TestLandscapes.Engine(new EveryObjectAnalyzer()).Run(landscape).Findings.Count);
    }

    [Fact]
    public void Excluded_namespaces_and_paths_leave_their_findings_out()
    {
        var landscape = TestLandscapes.FromFiles(("vendor/x/cm.yaml", TwoConfigMaps), ("mine/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: third\n"));
        var options = new AnalysisOptions { ExcludedPaths = ["vendor/**"], ExcludedNamespaces = ["sandbox"], BaseDirectory = Directory.GetCurrentDirectory() };

        var result = TestLandscapes.Engine(options, new EveryObjectAnalyzer()).Run(landscape);

        Assert.Equal(["Object third seen"], result.Findings.Select(f => f.Message));
    }

    [Fact]
    public void The_ignore_annotation_marks_findings_suppressed_with_the_reason_and_keeps_them()
    {
        var landscape = TestLandscapes.FromYaml("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: quiet
              annotations:
                k8s-landscape.io/ignore: "KL3001, TEST001"
                k8s-landscape.io/ignore-reason: "owned by the platform team"
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: loud
              annotations:
                k8s-landscape.io/ignore: "TEST002"
            """);

        // KL3001 and TEST002 are not rules of this engine; KL0020 (tested in SuppressionTests) would report them.
        var options = new AnalysisOptionsBuilder().DisableRule(UnknownSuppressionRule.Descriptor.Id).Build();
        var result = TestLandscapes.Engine(options, new EveryObjectAnalyzer()).Run(landscape);

        var quiet = Assert.Single(result.Findings, f => f.Subject!.Name == "quiet");
        Assert.True(quiet.Suppressed);
        Assert.Equal("owned by the platform team", quiet.SuppressionReason);
        var loud = Assert.Single(result.Findings, f => f.Subject!.Name == "loud");
        Assert.False(loud.Suppressed);
        Assert.Equal([loud], result.Active);
    }

    [Fact]
    public void Load_diagnostics_become_findings_with_the_loaders_severity()
    {
        var landscape = TestLandscapes.FromFiles(("bad.yaml", "a: [1, 2\n"), ("dup.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  name: y\n"));

        var result = LandscapeAnalysis.Create().Run(landscape);

        var syntax = Assert.Single(result.Findings, f => f.Id == "KL0002");
        Assert.Equal(DiagnosticSeverity.Error, syntax.Severity);
        Assert.Equal("bad.yaml", syntax.Location.Path);
        var dup = Assert.Single(result.Findings, f => f.Id == "KL0008");
        Assert.Equal(DiagnosticSeverity.Warning, dup.Severity);
        Assert.Equal(new SourceSpan("dup.yaml", 5, 3), dup.Location);
        Assert.Equal(landscape.LoadDiagnostics.Single(d => d.Code == "KL0008").Message, dup.Message);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void Severity_maps_to_SARIF_levels()
    {
        Assert.Equal("error", SarifLevel.From(DiagnosticSeverity.Error));
        Assert.Equal("warning", SarifLevel.From(DiagnosticSeverity.Warning));
        Assert.Equal("note", SarifLevel.From(DiagnosticSeverity.Info));
    }

    [Theory]
    [InlineData("vendor/**", "vendor/a/b.yaml", true)]
    [InlineData("vendor/**", "vendors/a.yaml", false)]
    [InlineData("vendor", "vendor/a.yaml", true)]
    [InlineData("**/generated/*.yaml", "a/b/generated/x.yaml", true)]
    [InlineData("**/generated/*.yaml", "generated/x.yaml", true)]
    [InlineData("**/generated/*.yaml", "generated/sub/x.yaml", false)]
    [InlineData("*.yaml", "a.yaml", true)]
    [InlineData("*.yaml", "dir/a.yaml", false)]
    [InlineData("./charts/?.yaml", "charts/a.yaml", true)]
    public void Path_globs_match_like_gitignore(string glob, string path, bool expected)
    {
        Assert.True(PathGlob.TryCreate(glob, out var g));
        Assert.Equal(expected, g.IsMatch(path));
    }
}
