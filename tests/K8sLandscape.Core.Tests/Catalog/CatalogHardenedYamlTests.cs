using System.Text;
using K8sLandscape.Model;

namespace K8sLandscape.Core.Tests.Catalog;

/// <summary>Catalog files go through the manifest loader's YAML reader: its limits and checks apply, with lines.</summary>
public class CatalogHardenedYamlTests
{
    [Fact]
    public void A_repeated_key_is_reported_at_its_line()
    {
        const string yaml = """
            components:
              - id: twice
                name: First
                name: Second
                category: cni
                fingerprints: { images: [example/twice] }
            """;

        var result = ComponentCatalog.Parse(yaml, "dup.yaml");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("dup.yaml", 4, 5), (d.Path, d.Line, d.Column));
        Assert.Contains("key 'name' repeats the key at line 3", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_bomb_is_a_located_limit_diagnostic_not_a_hang()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++) yaml.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        yaml.Append("components: []\n");

        var result = ComponentCatalog.Parse(yaml.ToString(), "bomb.yaml");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("bomb.yaml", d.Path);
        Assert.True(d.Line > 0, d.ToString());
        Assert.Contains("MaxNodesPerDocument", d.Message, StringComparison.Ordinal);
        Assert.Empty(result.Catalog.Components);
    }

    [Fact]
    public void Nesting_deeper_than_the_loader_allows_is_a_located_limit_diagnostic()
    {
        var yaml = "components: " + new string('[', 500) + new string(']', 500) + "\n";

        var result = ComponentCatalog.Parse(yaml, "deep.yaml");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("deep.yaml", 1), (d.Path, d.Line));
        Assert.Contains("MaxDepth", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_names_its_line()
    {
        const string yaml = """
            components:
              - id: broken
                name: "unclosed
            """;

        var result = ComponentCatalog.Parse(yaml, "bad.yaml");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("bad.yaml", d.Path);
        Assert.True(d.Line >= 3, d.ToString());
        Assert.Contains("invalid YAML", d.Message, StringComparison.Ordinal);
    }
}
