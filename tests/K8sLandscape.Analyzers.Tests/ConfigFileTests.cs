using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers.Tests;

public class ConfigFileTests
{
    private const string Documented = """
        kubernetesVersion: "1.34"
        minimumSeverity: info
        rules:
          KL3101: { severity: error }     # error | warning | info
          KL6102: { enabled: false }
        exclude: { paths: ["vendor/**"], namespaces: [sandbox] }
        catalog: [./our-components.yaml]
        """;

    [Fact]
    public void The_documented_shape_is_read()
    {
        var o = AnalysisConfigFile.Parse(Documented, "c.yaml");

        Assert.Equal(new KubernetesVersion(1, 34), o.ToLandscapeOptions().KubernetesVersion);
        Assert.Equal(DiagnosticSeverity.Info, o.MinimumSeverity);
        Assert.Equal(DiagnosticSeverity.Error, o.Rules["KL3101"].Severity);
        Assert.Null(o.Rules["KL3101"].Enabled);
        Assert.False(o.Rules["KL6102"].Enabled);
        Assert.Equal(new SourceSpan("c.yaml", 5, 3), o.Rules["KL6102"].Source);
        Assert.Equal(["vendor/**"], o.ExcludedPaths);
        Assert.Equal(["sandbox"], o.ExcludedNamespaces);
        Assert.Equal(["./our-components.yaml"], o.CatalogFiles);
    }

    [Fact]
    public void The_documented_example_in_configuration_md_is_valid_and_its_rule_ids_exist()
    {
        var doc = File.ReadAllText(K8sLandscape.TestSupport.Corpus.InRepository("docs/configuration.md"));
        var start = doc.IndexOf("```yaml\n# .k8s-landscape.yaml", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/configuration.md lost its full example");
        start = doc.IndexOf('\n', start) + 1;
        var yaml = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];

        var options = AnalysisConfigFile.Parse(yaml, "configuration.md");

        Assert.NotNull(LandscapeAnalysis.Create(options).Build());
    }

    [Fact]
    public void Every_bad_value_is_reported_with_line_and_key()
    {
        var ex = Assert.Throws<ConfigurationException>(() => AnalysisConfigFile.Parse("""
            kubernetesVersion: "one point thirty"
            minimumSeverity: loud
            rules:
              KL3101: { severity: fatal, enabled: maybe }
              kl3001: { enabled: false }
            exclude: { paths: ["C:\\vendor"], namespaces: [Not_A_Namespace] }
            colour: blue
            """, "c.yaml"));

        Assert.Equal(
            [
                "c.yaml:1:20: kubernetesVersion",
                "c.yaml:2:18: minimumSeverity",
                "c.yaml:4:23: rules.KL3101.severity",
                "c.yaml:4:39: rules.KL3101.enabled",
                "c.yaml:5:3: rules",
                "c.yaml:6:20: exclude.paths",
                "c.yaml:6:48: exclude.namespaces",
                "c.yaml:7:1: colour",
            ],
            ex.Errors.Select(e => $"{e.Location}: {e.Key}"));
        Assert.Contains("'loud' is not a severity; use error, warning or info", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_its_line()
    {
        var ex = Assert.Throws<ConfigurationException>(() => AnalysisConfigFile.Parse("rules:\n  KL3101: { severity: warning\n", "c.yaml"));

        var e = Assert.Single(ex.Errors);
        Assert.Equal("(syntax)", e.Key);
        Assert.Equal("c.yaml", e.Location.Path);
        Assert.True(e.Location.Line >= 2);
    }

    [Fact]
    public void Wrong_shapes_are_reported()
    {
        var ex = Assert.Throws<ConfigurationException>(() => AnalysisConfigFile.Parse("rules: [KL3101]\ncatalog: one.yaml\n", "c.yaml"));

        Assert.Equal(["rules", "catalog"], ex.Errors.Select(e => e.Key));
    }

    [Fact]
    public void An_empty_file_means_defaults()
    {
        var o = AnalysisConfigFile.Parse("# nothing yet\n", "c.yaml");

        Assert.Empty(o.Rules);
        Assert.Equal(DiagnosticSeverity.Info, o.MinimumSeverity);
    }

    [Fact]
    public void Load_finds_the_file_in_a_folder_and_resolves_against_its_folder()
    {
        var dir = Directory.CreateTempSubdirectory("k8sl-config-").FullName;
        try
        {
            Assert.Null(AnalysisConfigFile.Find(dir));
            File.WriteAllText(Path.Combine(dir, AnalysisConfigFile.FileName), "minimumSeverity: warning\n");

            var path = AnalysisConfigFile.Find(dir);
            var o = AnalysisConfigFile.Load(path!);

            Assert.Equal(DiagnosticSeverity.Warning, o.MinimumSeverity);
            Assert.Equal(Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar), o.BaseDirectory);
            Assert.Equal(path, o.SourceFile);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void The_builder_layers_code_over_a_file()
    {
        var fromFile = AnalysisConfigFile.Parse(Documented, "c.yaml");

        var o = new AnalysisOptionsBuilder().Apply(fromFile).SetSeverity("KL3101", DiagnosticSeverity.Info).EnableRule("KL6102").Build();

        Assert.Equal(new RuleOptions(true, null) { Source = new SourceSpan("c.yaml", 5, 3) }, o.Rules["KL6102"]);
        Assert.Equal(DiagnosticSeverity.Info, o.Rules["KL3101"].Severity);
        Assert.Equal(["vendor/**"], o.ExcludedPaths);
    }
}
