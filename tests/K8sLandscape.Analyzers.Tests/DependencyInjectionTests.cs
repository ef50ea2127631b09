using FluentValidation;
using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Analyzers.Validation;
using K8sLandscape.Loading;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;

namespace K8sLandscape.Analyzers.Tests;

public class DependencyInjectionTests
{
    [Fact]
    public void AddK8sLandscape_registers_every_built_in_rule_and_the_validators_through_FluentValidation()
    {
        using var sp = new ServiceCollection().AddK8sLandscape().Services.BuildServiceProvider();

        var engine = sp.GetRequiredService<AnalyzerEngine>();

        Assert.Equal(LandscapeAnalysis.Create().Build().Rules.Select(r => r.Id), engine.Rules.Select(r => r.Id));
        Assert.Contains(engine.Rules, r => r.Id == "KL5101");
        Assert.IsType<K8sLandscape.Analyzers.Rules.Api.CrdStorageVersionValidator>(sp.GetRequiredService<IValidator<V1CustomResourceDefinition>>());
    }

    [Fact]
    public void Registering_twice_is_harmless()
    {
        var services = new ServiceCollection();
        services.AddK8sLandscape().AddAnalyzer<EveryObjectAnalyzer>().AddAnalyzer<EveryObjectAnalyzer>();
        services.AddK8sLandscape().AddAnalyzersFromAssembly(typeof(AnalyzerEngine).Assembly).AddAnalyzer(new EveryObjectAnalyzer());
        var count = services.Count;
        services.AddK8sLandscape().AddAnalyzersFromAssembly(typeof(AnalyzerEngine).Assembly);
        using var sp = services.BuildServiceProvider();

        var engine = sp.GetRequiredService<AnalyzerEngine>();

        Assert.Equal(count, services.Count);
        Assert.Single(engine.Analyzers, a => a is EveryObjectAnalyzer);
        Assert.Single(sp.GetServices<IValidator<V1CustomResourceDefinition>>());
        Assert.Equal(engine.Validators.Count, engine.Validators.Select(v => v.GetType()).Distinct().Count());
        var findings = engine.Run(TestLandscapes.FromYaml("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n")).Findings;
        Assert.Single(findings, f => f.Id == "TEST001");
    }

    [Fact]
    public void Configure_callbacks_apply_in_order()
    {
        var services = new ServiceCollection();
        services.AddK8sLandscape(o => o.SetSeverity("KL3101", DiagnosticSeverity.Error));
        services.AddK8sLandscape(o => o.MinimumSeverity = DiagnosticSeverity.Warning).Configure(o => o.DisableRule("KL6102"));
        using var sp = services.BuildServiceProvider();

        var options = sp.GetRequiredService<AnalysisOptions>();

        Assert.Equal(DiagnosticSeverity.Error, options.Rules["KL3101"].Severity);
        Assert.False(options.Rules["KL6102"].Enabled);
        Assert.Equal(DiagnosticSeverity.Warning, options.MinimumSeverity);
    }

    [Fact]
    public void A_custom_rule_with_a_reserved_id_fails_when_the_engine_is_built()
    {
        var services = new ServiceCollection();
        services.AddK8sLandscape().AddAnalyzer<ReservedIdAnalyzer>();
        using var sp = services.BuildServiceProvider();

        var ex = Assert.Throws<AnalyzerRegistrationException>(() => sp.GetRequiredService<AnalyzerEngine>());

        Assert.Equal("KL9999", ex.RuleId);
        Assert.Equal(typeof(ReservedIdAnalyzer).FullName, ex.AnalyzerName);
    }

    [Fact]
    public void A_custom_validator_registered_through_the_builder_reports_findings()
    {
        var services = new ServiceCollection();
        services.AddK8sLandscape().AddValidator<TeamLabelValidator>();
        using var sp = services.BuildServiceProvider();

        var findings = sp.GetRequiredService<AnalyzerEngine>().Run(TestLandscapes.FromYaml("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: orphan\n")).Findings;

        var f = Assert.Single(findings);
        Assert.Equal("ACME100", f.Id);
        Assert.Equal("Namespace 'orphan' has no team label", f.Message);
        Assert.Equal(4, f.Location.Line);
        Assert.IsType<TeamLabelValidator>(sp.GetRequiredService<IValidator<KubeObject>>());
    }

    private sealed class ReservedIdAnalyzer : LandscapeAnalyzer
    {
        public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } =
            [new RuleDescriptor("KL9999", "Reserved", "reserved", RuleCategory.Layers, DiagnosticSeverity.Info, "For tests.")];

        public override void Analyze(AnalysisContext context)
        {
        }
    }

    private sealed class TeamLabelValidator : ObjectValidator<KubeObject>
    {
        private static readonly RuleDescriptor Descriptor = new("ACME100", "Namespace has no team label", "Namespace '{0}' has no team label", RuleCategory.Layers, DiagnosticSeverity.Warning, "Teams own namespaces.");

        public TeamLabelValidator()
        {
            RuleFor(o => o.Labels)
                .Must(l => l.ContainsKey("acme.example/team"))
                .WithFinding((o, _) => [o.Name], "metadata.name");
        }

        public override RuleDescriptor Rule => Descriptor;

        public override IReadOnlyList<GroupKind> Kinds { get; } = [new(string.Empty, "Namespace")];
    }
}
