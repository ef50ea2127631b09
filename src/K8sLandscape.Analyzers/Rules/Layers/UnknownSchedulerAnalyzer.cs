using K8sLandscape.Analyzers.Rules.Lifecycle;
using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers.Rules.Layers;

/// <summary>KL8004: pods ask for a scheduler that nothing in the input provides.</summary>
internal sealed class UnknownSchedulerAnalyzer : LandscapeAnalyzer
{

    public static RuleDescriptor Descriptor { get; } = new(
        "KL8004",
        "Pods name a scheduler that nothing in the input provides",
        "{0} workload(s) set schedulerName '{1}', but no scheduler in the input answers to it: {2}",
        RuleCategory.Layers,
        DiagnosticSeverity.Warning,
        """
        A Pod's `spec.schedulerName` picks the scheduler that binds it to a node; the default
        scheduler ignores every Pod that names another one. If no scheduler with that name runs,
        nothing ever binds the Pod: it stays `Pending` with no events at all (not even
        `FailedScheduling`, which only a scheduler writes), so the cause is hard to see. This happens
        when a batch scheduler (Volcano, YuniKorn, scheduler-plugins, Koordinator) is removed or
        renamed while workloads still ask for it, or when a chart is copied from a cluster that had
        one.

        A scheduler counts as provided when the input holds one: a workload recognized as a
        scheduler component of the catalog (by its image or workload name, not merely because pods
        ask for it), a workload started with `--scheduler-name`, or a `KubeSchedulerConfiguration`
        (in a ConfigMap or as a document) with a profile of that `schedulerName`.
        `default-scheduler` is always provided. When the input is only part of the cluster, a
        scheduler installed elsewhere produces this warning; suppress it there.
        """,
        """
        Install the scheduler the workloads ask for, or remove `schedulerName` from their pod
        templates so the default scheduler places them.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var scheduling = context.Landscape.Scheduling;
        foreach (var group in scheduling.Requests.GroupBy(r => r.SchedulerName, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (scheduling.Provides(group.Key)) continue;
            var parties = group.OrderBy(p => p.Workload.Location).DistinctBy(p => p.Workload.Ref).ToArray();
            var first = parties[0];
            context.Report(Descriptor, first.Workload, first.Path, parties.Skip(1).Select(p => p.Workload),
                parties.Length, group.Key, Parties.Join(parties.Select(p => $"{p.Workload.Kind} {Parties.Display(p.Workload)}")));
        }
    }
}
