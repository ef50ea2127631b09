using K8sLandscape.Analyzers.Rules.Lifecycle;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Rules.Layers;

/// <summary>KL8003: more than one PriorityClass sets <c>globalDefault: true</c>.</summary>
internal sealed class MultipleGlobalDefaultPriorityClassesAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL8003",
        "More than one globalDefault PriorityClass",
        "{0} PriorityClasses set globalDefault: true ({1}); the API server accepts only one",
        RuleCategory.Layers,
        DiagnosticSeverity.Error,
        """
        A PriorityClass with `globalDefault: true` gives its value to every Pod that names no
        `priorityClassName`. Only one may exist: the Priority admission plugin rejects creating a
        second ("PriorityClass … is already marked as default. Only one default can exist"), so in a
        real cluster whichever manifest was applied second failed, and the install that shipped it
        is incomplete. Which default the cluster actually runs with depends on apply order, and so
        does every Pod's preemption behaviour: pods without a class get a different priority from
        the one their authors tested with, and the wrong ones are preempted under pressure.
        """,
        """
        Keep `globalDefault: true` on one PriorityClass and set it to false on the others. Charts
        usually have a value for this; a shared default belongs to the platform, not to an
        application chart.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var defaults = context.Landscape.Scheduling.PriorityClasses.Where(p => p.GlobalDefault).ToArray();
        if (defaults.Length < 2) return;
        context.Report(Descriptor, defaults[0].Object, "globalDefault", defaults.Skip(1).Select(p => p.Object),
            defaults.Length, Parties.Join(defaults.Select(p => $"'{p.Name}' (value {p.ValueText})")));
    }
}
