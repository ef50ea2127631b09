using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers.Tests;

/// <summary>The Kubernetes version lives in one place, the landscape; configuration carries it there.</summary>
public class KubernetesVersionSettingTests
{
    [Fact]
    public void The_configuration_file_version_reaches_the_landscape_options_with_the_catalog()
    {
        var options = AnalysisConfigFile.Parse("kubernetesVersion: \"1.29\"\n", "c.yaml");

        var landscapeOptions = options.ToLandscapeOptions(ComponentCatalog.BuiltIn);

        Assert.Equal(new KubernetesVersion(1, 29), landscapeOptions.KubernetesVersion);
        Assert.Same(ComponentCatalog.BuiltIn, landscapeOptions.Catalog);
    }

    [Fact]
    public void The_builder_version_survives_apply_and_build()
    {
        var first = new AnalysisOptionsBuilder { KubernetesVersion = new KubernetesVersion(1, 30) }.Build();
        var merged = new AnalysisOptionsBuilder().Apply(first).Build();

        Assert.Equal(new KubernetesVersion(1, 30), merged.ToLandscapeOptions().KubernetesVersion);
        Assert.Null(AnalysisOptions.Default.ToLandscapeOptions().KubernetesVersion);
    }

    [Fact]
    public void Rules_judge_against_the_landscape_version()
    {
        var load = new ManifestLoader().LoadString("apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\n", "a.yaml");
        var landscape = Landscape.Build(load, AnalysisConfigFile.Parse("kubernetesVersion: \"1.25\"\n", "c.yaml").ToLandscapeOptions());

        var context = new AnalysisContext(landscape, "test", [], AnalysisOptions.Default, CancellationToken.None);

        Assert.Equal(new KubernetesVersion(1, 25), landscape.KubernetesVersion);
        Assert.Equal(landscape.KubernetesVersion, context.KubernetesVersion);
    }
}
