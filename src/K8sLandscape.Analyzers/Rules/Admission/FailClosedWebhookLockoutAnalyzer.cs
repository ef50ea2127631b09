using K8sLandscape.Loading;
using K8sLandscape.Model.Admission;

namespace K8sLandscape.Analyzers.Rules.Admission;

/// <summary>KL6002: a fail-closed webhook intercepts its own backend's namespace or kube-system.</summary>
internal sealed class FailClosedWebhookLockoutAnalyzer : LandscapeAnalyzer
{
    private const string KubeSystem = "kube-system";

    // What must keep working in each namespace for the cluster to recover by itself.
    private static readonly (string Group, string Resource, string Operation)[] OwnNamespaceRequests = [("", "pods", "CREATE")];

    private static readonly (string Group, string Resource, string Operation)[] KubeSystemRequests =
    [
        ("", "pods", "CREATE"),
        ("coordination.k8s.io", "leases", "UPDATE"),
        ("", "configmaps", "UPDATE"),
        ("", "endpoints", "UPDATE"),
    ];

    public static RuleDescriptor Descriptor { get; } = new(
        "KL6002",
        "Fail-closed webhook intercepts its own namespace or kube-system",
        "Webhook '{0}' of {1} '{2}' has failurePolicy Fail and intercepts {3}; while its backend {4} is down these requests are rejected",
        RuleCategory.Admission,
        DiagnosticSeverity.Error,
        """
        With `failurePolicy: Fail` (the default in `admissionregistration.k8s.io/v1`) the API server
        rejects every matching request it cannot get an answer for. If the webhook also matches Pod
        creation in the namespace its own backend runs in, the cluster cannot heal it: after a node
        failure, an eviction or a bad rollout the webhook's Pods cannot be recreated, because
        creating them needs the webhook that is down. The Kubernetes documentation ("Avoiding
        deadlocks in self-hosted webhooks", "Avoiding operating on the kube-system namespace") warns
        about exactly this. Intercepting kube-system is as dangerous: control-plane and system Pods,
        leader-election Leases and endpoint updates stop, and the outage spreads to the whole
        cluster.

        To stay quiet when the outcome is unknown, the rule reports only what it can decide: the
        namespace selector must certainly select the namespace (its labels are known from a
        Namespace object in the input, or the selector uses only `kubernetes.io/metadata.name`), the
        object selector must select unlabelled objects, and webhooks with CEL `matchConditions` are
        skipped.
        """,
        """
        Exclude the namespaces from the webhook, e.g. `namespaceSelector: {matchExpressions: [{key:
        kubernetes.io/metadata.name, operator: NotIn, values: [kube-system, <backend namespace>]}]}`,
        or use `failurePolicy: Ignore` for requests the cluster needs to recover.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var admission = context.Landscape.Admission;
        var objects = context.Landscape.Objects;
        foreach (var w in admission.Webhooks)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            // An entry without a name or a target is a fragment (a test assertion, a kustomize patch), not a webhook the API server would run.
            if (w.Name.Length == 0 || (w.ClientConfig.Service is null && w.ClientConfig.Url is null)) continue;
            if (!w.FailsClosed || w.MatchConditions.Count > 0 || !w.ObjectSelector.Matches(NoLabels)) continue;

            var service = w.ClientConfig.Service;
            var hits = new List<string>();
            if (service is { Namespace.Length: > 0 } && !string.Equals(service.Namespace, KubeSystem, StringComparison.Ordinal))
            {
                AddHits(admission, w, service.Namespace, OwnNamespaceRequests, $"in its own backend's namespace '{service.Namespace}'", hits);
            }

            AddHits(admission, w, KubeSystem, KubeSystemRequests,
                service is { Namespace: KubeSystem } ? "in kube-system, where its backend also runs" : "in kube-system", hits);
            if (hits.Count == 0) continue;

            var related = service is null
                ? []
                : objects.Find(new ObjectRef(string.Empty, "Service", service.Namespace, service.Name)).Select(s => s.Location).Order().ToArray();
            context.Report(
                Descriptor,
                w.Configuration.LocationOf(w.Path + ".failurePolicy"),
                related,
                w.Configuration.Ref,
                w.Name,
                w.Configuration.Kind,
                w.ConfigurationName,
                string.Join("; ", hits),
                w.ClientConfig.ToString());
        }
    }

    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    private static void AddHits(AdmissionSurface admission, AdmissionWebhook w, string ns, (string Group, string Resource, string Operation)[] requests, string where, List<string> hits)
    {
        if (admission.NamespaceSelectorMatches(w, ns) != SelectorMatch.Match) return;
        var matched = requests
            .Where(q => w.Rules.Any(r => r.Scope != "Cluster" && r.Matches(q.Group, q.Resource, q.Operation)))
            .Select(q => $"{(q.Group.Length == 0 ? q.Resource : q.Resource + "." + q.Group)} {q.Operation}")
            .ToArray();
        if (matched.Length > 0) hits.Add($"{string.Join(", ", matched)} {where}");
    }
}
