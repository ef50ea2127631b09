using K8sLandscape.Analyzers;
using K8sLandscape.Loading;

namespace Acme.Rules;

/// <summary>ACME100: every workload carries the labels Acme's tooling routes alerts and costs by.</summary>
public sealed class RequiredLabelsRule : LandscapeAnalyzer
{
    /// <summary>The rule, in an area of Acme's own rather than a built-in one.</summary>
    public static readonly RuleDescriptor Rule = new(
        id: "ACME100",
        title: "Workload lacks a required label",
        messageFormat: "{0} '{1}' has no '{2}' label",
        category: RuleCategory.Custom("governance"),
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "At Acme every workload names its owning team, so that alerts, costs and upgrade notices reach someone.",
        howToFix: "Add the label to the workload's metadata, or list the labels your team requires under `rules: { ACME100: { options: { labels: [...] } } }`.",
        helpUri: new Uri("https://wiki.acme.example/kubernetes/ACME100"));

    /// <inheritdoc />
    public override IReadOnlyList<RuleDescriptor> SupportedRules => [Rule];

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context)
    {
        // rules: { ACME100: { options: { labels: [...], kinds: [...] } } } in .k8s-landscape.yaml
        var settings = context.GetSettings<RequiredLabelsSettings>(Rule);
        foreach (var kind in settings.Kinds)
        {
            foreach (var workload in context.Landscape.Objects.OfKind(group: "apps", kind: kind))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                foreach (var label in settings.Labels.Where(l => !workload.Labels.ContainsKey(l)))
                    context.Report(Rule, workload, "metadata.labels", related: null, workload.Kind, workload.Name, label);
            }
        }
    }
}
