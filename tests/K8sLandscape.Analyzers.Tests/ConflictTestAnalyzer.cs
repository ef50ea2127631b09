namespace K8sLandscape.Analyzers.Tests;

/// <summary>Reports one conflict per ConfigMap named first-*, with every other ConfigMap as a related party.</summary>
internal sealed class ConflictTestAnalyzer : LandscapeAnalyzer
{
    public static readonly RuleDescriptor Rule = new("TEST020", "Conflict", "ConfigMap {0} conflicts", RuleCategory.Api, Loading.DiagnosticSeverity.Error, "For tests.");

    public override IReadOnlyList<RuleDescriptor> SupportedRules => [Rule];

    public override void Analyze(AnalysisContext context)
    {
        var maps = context.Landscape.Objects.OfKind(group: "", kind: "ConfigMap");
        foreach (var first in maps.Where(m => m.Name.StartsWith("first", StringComparison.Ordinal)))
            context.Report(Rule, first, null, maps.Where(m => m != first), first.Name);
    }
}
