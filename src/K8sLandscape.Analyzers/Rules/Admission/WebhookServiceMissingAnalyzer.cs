using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Rules.Admission;

/// <summary>KL6003: a webhook calls a Service that is missing from an input that holds the Service's namespace.</summary>
internal sealed class WebhookServiceMissingAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL6003",
        "Webhook points at a Service that is not in the input",
        "Webhook '{0}' of {1} '{2}' calls Service {3}, which is not in the input although the rest of its installation is ({4})",
        RuleCategory.Admission,
        DiagnosticSeverity.Warning,
        """
        The API server calls an in-cluster webhook through `clientConfig.service`. If that Service
        does not exist (a renamed release, a chart installed with a different name or namespace, a
        component removed while its webhook configuration stayed), every call fails with "service
        not found": with `failurePolicy: Fail` every matching request is rejected, with `Ignore` the
        webhook silently does nothing (no sidecar injected, no policy enforced). Orphaned webhook
        configurations left behind by uninstalled tools are a common cause of "failed calling
        webhook" outages.

        The input is often only part of a cluster, so the rule is quiet by default: it reports a
        missing Service only when the input evidently holds the webhook's own installation, that
        is, another Service or a workload (Pod, Deployment, DaemonSet, StatefulSet, ReplicaSet, Job,
        CronJob) in the Service's namespace that belongs to the webhook's catalog component or comes
        from the same file as the webhook configuration. A webhook configuration given without the
        rest of its component is not reported. Webhooks that use `clientConfig.url` are not checked.
        """,
        """
        Point `clientConfig.service` at the Service that runs the webhook (check its name, namespace
        and port), add the missing Service to the manifests, or delete the orphaned webhook
        configuration.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var landscape = context.Landscape;
        if (landscape.Admission.Webhooks.Count == 0) return;

        // What the input holds per namespace: its Services, else its workloads (as evidence the namespace was given).
        var evidence = new Dictionary<string, (List<KubeObject> Services, List<KubeObject> Workloads)>(StringComparer.Ordinal);
        foreach (var s in landscape.Objects.OfKind(string.Empty, "Service"))
        {
            if (s.Namespace is { } ns) Evidence(evidence, ns).Services.Add(s);
        }

        foreach (var w in landscape.Workloads)
        {
            if (w.Object.Namespace is { } ns) Evidence(evidence, ns).Workloads.Add(w.Object);
        }

        foreach (var w in landscape.Admission.Webhooks)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (w.ClientConfig.Service is not { Name.Length: > 0 } svc) continue;
            var ns = svc.Namespace.Length == 0 ? "default" : svc.Namespace;
            if (!evidence.TryGetValue(ns, out var all)) continue;
            if (landscape.Objects.Find(new ObjectRef(string.Empty, "Service", ns, svc.Name)).Count > 0) continue;

            // Only the webhook's own installation counts as evidence: objects of its component, or from its file.
            var component = w.ComponentId is { } id ? landscape.Components.FirstOrDefault(c => c.Id == id) : null;
            var mine = component is null ? null : new HashSet<KubeObject>(component.Objects, ReferenceEqualityComparer.Instance);
            bool Own(KubeObject o) => string.Equals(o.Location.Path, w.Configuration.Location.Path, StringComparison.Ordinal) || (mine?.Contains(o) ?? false);
            var e = (Services: all.Services.Where(Own).ToList(), Workloads: all.Workloads.Where(Own).ToList());
            if (e.Services.Count == 0 && e.Workloads.Count == 0) continue;

            var shown = (e.Services.Count > 0 ? e.Services : e.Workloads).OrderBy(o => o.Location).ToArray();
            var what = e.Services.Count > 0 ? "Services " : "workloads ";
            var list = what + Parties.Join(shown.Select(o => $"{(e.Services.Count > 0 ? string.Empty : o.Kind + " ")}{o.Name} ({Api.ClaimParties.Where(o.Location)})").ToArray());
            context.Report(
                Descriptor,
                w.Configuration.LocationOf(w.Path + ".clientConfig.service"),
                shown.Select(o => o.Location).ToArray(),
                w.Configuration.Ref,
                w.Name,
                w.Configuration.Kind,
                w.ConfigurationName,
                $"{ns}/{svc.Name}",
                list);
        }
    }

    private static (List<KubeObject> Services, List<KubeObject> Workloads) Evidence(Dictionary<string, (List<KubeObject>, List<KubeObject>)> map, string ns)
    {
        if (!map.TryGetValue(ns, out var e)) map[ns] = e = ([], []);
        return e;
    }
}
