using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Analyzers.Reporting;

namespace K8sLandscape.Analyzers.Tests;

public class RuleSettingsTests
{
    [Fact]
    public void A_rule_reads_its_options_typed_and_keeps_defaults_for_the_rest()
    {
        var options = AnalysisConfigFile.Parse("""
            rules:
              ACME100:
                severity: error
                options:
                  maxWebhooks: 5
                  labels: [team, "cost-center"]
            """, "c.yaml");

        var f = Assert.Single(TestLandscapes.Engine(options, new SettingsTestAnalyzer()).Run(TestLandscapes.Empty).Findings);

        Assert.Equal("5 team+cost-center False", f.Message);
        Assert.Equal(Loading.DiagnosticSeverity.Error, f.Severity);
    }

    [Fact]
    public void Without_options_the_settings_type_keeps_its_initial_values()
    {
        var f = Assert.Single(TestLandscapes.Engine(new SettingsTestAnalyzer()).Run(TestLandscapes.Empty).Findings);

        Assert.Equal("2 team False", f.Message);
    }

    [Fact]
    public void Settings_set_in_code_reach_the_rule()
    {
        var options = new AnalysisOptionsBuilder().SetRuleSettings("ACME100", new { strict = true, maxWebhooks = 1 }).Build();

        var f = Assert.Single(TestLandscapes.Engine(options, new SettingsTestAnalyzer()).Run(TestLandscapes.Empty).Findings);

        Assert.Equal("1 team True", f.Message);
    }

    [Theory]
    [InlineData("maxWebhooks: many", "c.yaml:4:7: rules.ACME100.options.maxWebhooks")]
    [InlineData("strict: 3", "c.yaml:4:7: rules.ACME100.options.strict")]
    [InlineData("colour: blue", "c.yaml:4:7: rules.ACME100.options.colour: unknown option 'colour'; expected one of labels, maxWebhooks, strict")]
    public void An_option_of_the_wrong_type_or_unknown_to_the_rule_stops_the_run_with_line_and_key(string option, string expected)
    {
        var options = AnalysisConfigFile.Parse($"rules:\n  ACME100:\n    options:\n      {option}\n", "c.yaml");
        var engine = TestLandscapes.Engine(options, new SettingsTestAnalyzer());

        var ex = Assert.Throws<ConfigurationException>(() => engine.Run(TestLandscapes.Empty));

        Assert.StartsWith(expected, Assert.Single(ex.Errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_that_are_not_a_mapping_are_a_shape_error()
    {
        var ex = Assert.Throws<ConfigurationException>(() => AnalysisConfigFile.Parse("rules:\n  ACME100:\n    options: [a]\n", "c.yaml"));

        Assert.Equal("c.yaml:3:14: rules.ACME100.options", $"{ex.Errors[0].Location}: {ex.Errors[0].Key}");
    }

    [Fact]
    public void A_custom_category_names_the_area_reports_group_by()
    {
        var rule = SettingsTestAnalyzer.Rule;

        Assert.Equal("governance", rule.Category.Name);
        Assert.False(rule.Category.IsBuiltIn);
        Assert.Equal("governance", AnalysisReport.AreaOf(rule));
        Assert.Equal(RuleCategory.Storage, RuleCategory.Custom("storage"));
        Assert.Equal(3, (int)RuleCategory.Storage);
        Assert.Equal(RuleCategory.Engine, default(RuleCategory));
        Assert.Throws<InvalidCastException>(() => (int)rule.Category);
        Assert.Throws<ArgumentException>(() => RuleCategory.Custom("Governance Rules"));
    }
}
