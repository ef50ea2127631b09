using System.Text;
using K8sLandscape.Analyzers.Configuration;

namespace K8sLandscape.Analyzers.Tests;

/// <summary>The configuration file passes the manifest loader's YAML checks before it is read.</summary>
public class ConfigHardenedYamlTests
{
    [Fact]
    public void A_repeated_setting_is_an_error_at_its_line()
    {
        var ex = Assert.Throws<ConfigurationException>(() => AnalysisConfigFile.Parse("minimumSeverity: info\nminimumSeverity: error\n", "c.yaml"));

        var e = Assert.Single(ex.Errors);
        Assert.Equal(("c.yaml", 2, 1), (e.Location.Path, e.Location.Line, e.Location.Column));
        Assert.Contains("key 'minimumSeverity' repeats the key at line 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_bomb_is_refused_with_the_loader_limit()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++) yaml.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");

        var ex = Assert.Throws<ConfigurationException>(() => AnalysisConfigFile.Parse(yaml.ToString(), "bomb.yaml"));

        var e = Assert.Single(ex.Errors);
        Assert.Equal("bomb.yaml", e.Location.Path);
        Assert.Contains("MaxNodesPerDocument", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_the_loader_allows_is_refused()
    {
        var ex = Assert.Throws<ConfigurationException>(() => AnalysisConfigFile.Parse("exclude: " + new string('[', 500) + new string(']', 500) + "\n", "deep.yaml"));

        Assert.Contains("MaxDepth", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }
}
