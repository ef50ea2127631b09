using K8sLandscape.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using K8sLandscape.Analyzers.Rules.Lifecycle;
using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers.Rules.Layers;

/// <summary>KL8004: pods ask for a scheduler that nothing in the input provides.</summary>
internal sealed partial class UnknownSchedulerAnalyzer : LandscapeAnalyzer
{
    private const string DefaultScheduler = "default-scheduler";

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
        var landscape = context.Landscape;
        var askers = new SortedDictionary<string, List<(KubeObject Object, string Path)>>(StringComparer.Ordinal);
        foreach (var w in LifecycleParties.TemplateOwners(landscape.Workloads, landscape.Objects))
        {
            if (w.SchedulerName is not { Length: > 0 } name || name == DefaultScheduler) continue;
            if (!askers.TryGetValue(name, out var list)) askers[name] = list = [];
            list.Add((w.Object, w.PodSpecPath + ".schedulerName"));
        }

        if (askers.Count == 0) return;
        var provided = Provided(landscape);
        foreach (var (name, list) in askers)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (provided.Contains(name)) continue;
            var parties = list.OrderBy(p => p.Object.Location).DistinctBy(p => p.Object.Ref).ToArray();
            var first = parties[0];
            context.Report(Descriptor, first.Object, first.Path, parties.Skip(1).Select(p => p.Object),
                parties.Length, name, LifecycleParties.Join(parties.Select(p => $"{p.Object.Kind} {LifecycleParties.Name(p.Object)}")));
        }
    }

    private static HashSet<string> Provided(Landscape landscape)
    {
        var provided = new HashSet<string>(StringComparer.Ordinal) { DefaultScheduler };
        foreach (var c in landscape.Components)
        {
            if (c.Definition.Fingerprints.Schedulers.Count == 0) continue;

            // The recognizer also matches a component when pods merely ask for its scheduler; that is not an installation.
            if (c.Evidence.Any(e => e.Fingerprint is "image" or "workload")) provided.UnionWith(c.Definition.Fingerprints.Schedulers);
        }

        foreach (var w in landscape.Workloads)
        {
            foreach (var (value, _) in LifecycleParties.FlagValues(w, "--scheduler-name")) provided.Add(value);
        }

        foreach (var cm in landscape.Objects.OfKind(string.Empty, "ConfigMap"))
        {
            // Only a ConfigMap that mentions the kind can hold one: skip the others without parsing them.
            if (cm.Json.Span.IndexOf("KubeSchedulerConfiguration"u8) < 0) continue;
            if (!cm.Body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object) continue;
            foreach (var entry in data.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String || entry.Value.GetString() is not { } text) continue;
                if (!text.Contains("KubeSchedulerConfiguration", StringComparison.Ordinal)) continue;
                foreach (Match m in ProfileName().Matches(text)) provided.Add(m.Groups[1].Value);
            }
        }

        foreach (var config in landscape.Objects.OfKind("kubescheduler.config.k8s.io", "KubeSchedulerConfiguration"))
        {
            if (!config.Body.TryGetProperty("profiles", out var profiles) || profiles.ValueKind != JsonValueKind.Array) continue;
            foreach (var p in profiles.EnumerateArray())
            {
                if (JsonFields.Str(p, "schedulerName") is { Length: > 0 } n) provided.Add(n);
            }
        }

        return provided;
    }

    // A profile's name in YAML or JSON configuration text: schedulerName: my-scheduler / "schedulerName": "my-scheduler".
    [GeneratedRegex("""["']?schedulerName["']?\s*:\s*["']?([A-Za-z0-9][A-Za-z0-9._-]*)""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ProfileName();
}
