using K8sLandscape.Analyzers;
using K8sLandscape.Loading;

namespace Acme.Platform.Rules;

/// <summary>ACME001: every Namespace names the team that owns it.</summary>
public sealed class NoTeamLabelRule : LandscapeAnalyzer
{
    // One rule per class, its descriptor beside it. Custom rules use their own prefix: KL is reserved.
    public static readonly RuleDescriptor Rule = new(
        id: "ACME001",
        title: "Namespace has no owning team",
        messageFormat: "Namespace '{0}' has no '{1}' label",
        category: RuleCategory.Custom("governance"), // an area of your own, or a built-in one such as RuleCategory.Layers
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "At Acme every namespace names its owning team, so that alerts, costs and upgrade notices reach someone.",
        howToFix: "Add the label `acme.example/team: <team>` to the Namespace.",
        helpUri: new Uri("https://wiki.acme.example/kubernetes/ACME001"));

    public override IReadOnlyList<RuleDescriptor> SupportedRules => [Rule];

    public override void Analyze(AnalysisContext context)
    {
        // rules: { ACME001: { options: { label: ..., exempt: [...] } } } in .k8s-landscape.yaml, or SetRuleSettings in code.
        var settings = context.GetSettings<Settings>(Rule);
        foreach (var ns in context.Landscape.Objects.OfKind(group: "", kind: "Namespace"))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (!ns.Labels.ContainsKey(settings.Label) && !settings.Exempt.Contains(ns.Name))
            {
                // Points at the labels (or metadata) line; the subject's annotations can suppress it.
                context.Report(Rule, ns, "metadata.labels", related: null, ns.Name, settings.Label);
            }
        }
    }

    /// <summary>The rule's options: each property is a key under <c>options:</c>; unset ones keep these values.</summary>
    public sealed class Settings
    {
        public string Label { get; set; } = "acme.example/team";

        public List<string> Exempt { get; set; } = ["kube-system", "kube-public", "default"];
    }
}
