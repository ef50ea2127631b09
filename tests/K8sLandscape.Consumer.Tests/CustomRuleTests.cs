using Acme.Platform.Rules;
using K8sLandscape.Analyzers;
using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Acme.Platform.Tests;

public class CustomRuleTests
{
    [Fact]
    public void The_custom_rule_reports_next_to_the_built_in_rules()
    {
        // Register K8sLandscape (every built-in rule) and the custom rule class.
        var services = new ServiceCollection();
        services.AddK8sLandscape(options => options.SetSeverity("KL3101", DiagnosticSeverity.Error))
            .AddAnalyzer<NoTeamLabelRule>();
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<AnalyzerEngine>();

        // Load manifests, build the landscape, analyze.
        var landscape = Landscape.Build(new ManifestLoader().Load(ManifestFolders()));
        var result = engine.Run(landscape);

        var acme = Assert.Single(result.Findings, f => f.Id == "ACME001" && f.Location.Path.EndsWith("cluster.yaml", StringComparison.Ordinal));
        Assert.Equal("Namespace 'payments' has no 'acme.example/team' label", acme.Message);
        Assert.Equal(DiagnosticSeverity.Warning, acme.Severity);
        Assert.Equal(5, acme.Location.Line); // no labels: the metadata line
        Assert.Contains(result.Findings, f => f.Id == "KL3101" && f.Severity == DiagnosticSeverity.Error);
        Assert.Contains(result.Findings, f => f.Id == "KL5101");
    }

    [Fact]
    public void The_same_without_dependency_injection()
    {
        var landscape = Landscape.Build(new ManifestLoader().Load(ManifestFolders()));

        var result = LandscapeAnalysis.Create()
            .AddAnalyzer(new NoTeamLabelRule())
            .Run(landscape);

        Assert.Contains(result.Findings, f => f.Id == "ACME001");
        Assert.Contains(result.Findings, f => f.Id == "KL5101");
    }

    [Fact]
    public void The_rule_reads_its_options_from_the_configuration()
    {
        var options = AnalysisConfigFile.Parse("""
            rules:
              ACME001:
                options:
                  label: acme.example/owner
                  exempt: [payments]
            """);
        var landscape = Landscape.Build(new ManifestLoader().Load(ManifestFolders()));

        var result = LandscapeAnalysis.Create(options).AddAnalyzer(new NoTeamLabelRule()).Run(landscape);

        var acme = Assert.Single(result.Findings, f => f.Id == "ACME001" && f.Location.Path.EndsWith("cluster.yaml", StringComparison.Ordinal));
        Assert.Equal("Namespace 'search' has no 'acme.example/owner' label", acme.Message);
        Assert.Equal("governance", acme.Rule.Category.Name);
    }

    // The fixture beside this file, and the repository's sample cluster when it is present.
    private static string[] ManifestFolders()
    {
        var folders = new List<string> { Path.Combine(AppContext.BaseDirectory, "fixture") };
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var samples = Path.Combine(dir.FullName, "samples", "cluster");
            if (File.Exists(Path.Combine(dir.FullName, "K8sLandscape.sln")) && Directory.Exists(samples))
            {
                folders.Add(samples);
                break;
            }
        }

        return folders.ToArray();
    }
}
