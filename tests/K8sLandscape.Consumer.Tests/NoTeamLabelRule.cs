using K8sLandscape.Analyzers;
using K8sLandscape.Loading;

namespace Acme.Platform.Rules;

/// <summary>ACME001: every Namespace names the team that owns it.</summary>
public sealed class NoTeamLabelRule : LandscapeAnalyzer
{
    public const string TeamLabel = "acme.example/team";

    // One rule per class, its descriptor beside it. Custom rules use their own prefix: KL is reserved.
    public static readonly RuleDescriptor Rule = new(
        id: "ACME001",
        title: "Namespace has no owning team",
        messageFormat: "Namespace '{0}' has no '{1}' label",
        category: RuleCategory.Layers,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "At Acme every namespace names its owning team, so that alerts, costs and upgrade notices reach someone.",
        howToFix: "Add the label `acme.example/team: <team>` to the Namespace.",
        helpUri: new Uri("https://wiki.acme.example/kubernetes/ACME001"));

    public override IReadOnlyList<RuleDescriptor> SupportedRules => [Rule];

    public override void Analyze(AnalysisContext context)
    {
        foreach (var ns in context.Landscape.Objects.OfKind(group: "", kind: "Namespace"))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (!ns.Labels.ContainsKey(TeamLabel))
            {
                // Points at the labels (or metadata) line; the subject's annotations can suppress it.
                context.Report(Rule, ns, "metadata.labels", related: null, ns.Name, TeamLabel);
            }
        }
    }
}
