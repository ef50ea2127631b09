namespace K8sLandscape.Analyzers.Tests;

/// <summary>Reports once with the settings it read; a custom rule with an area of its own.</summary>
internal sealed class SettingsTestAnalyzer : LandscapeAnalyzer
{
    public static readonly RuleDescriptor Rule = new("ACME100", "Settings", "{0} {1} {2}", RuleCategory.Custom("governance"), Loading.DiagnosticSeverity.Warning, "For tests.");

    public override IReadOnlyList<RuleDescriptor> SupportedRules => [Rule];

    public override void Analyze(AnalysisContext context)
    {
        var s = context.GetSettings<Settings>(Rule);
        context.Report(Rule, Loading.SourceSpan.None, null, null, s.MaxWebhooks, string.Join("+", s.Labels), s.Strict);
    }

    public sealed class Settings
    {
        public int MaxWebhooks { get; set; } = 2;

        public List<string> Labels { get; set; } = ["team"];

        public bool Strict { get; set; }
    }
}
