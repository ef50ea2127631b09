using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers.Rules.Lifecycle;

/// <summary>KL7001: two different components provide the same piece of software (two Kafka operators, two policy engines, two meshes).</summary>
internal sealed class CompetingOperatorsAnalyzer : LandscapeAnalyzer
{
    /// <summary>
    /// The catalog <c>provides</c> values a cluster normally has one provider of. Capability tags
    /// that many components share by design are left out: <c>pod-network</c> (KL2001's business),
    /// <c>cri</c>/<c>oci-runtime</c>, storage kinds, <c>ingress</c> and <c>gateway-api</c> (one
    /// controller per class is normal), <c>sidecar-injection</c>/<c>mtls</c> (already covered by
    /// <c>service-mesh</c>), device resources and the like.
    /// </summary>
    internal static readonly IReadOnlySet<string> SingularSoftware = new HashSet<string>(StringComparer.Ordinal)
    {
        "kafka", "postgresql", "mysql", "mongodb", "redis", "elasticsearch", "rabbitmq", "cassandra",
        "admission-policy", "service-mesh", "gitops", "prometheus", "certificates", "cluster-backup",
        "node-autoscaling", "secret-sync", "functions-as-a-service",
    };

    public static RuleDescriptor Descriptor { get; } = new(
        "KL7001",
        "Two components provide the same software",
        "'{0}' is provided by {1} different components: {2}",
        RuleCategory.Lifecycle,
        DiagnosticSeverity.Warning,
        """
        Two operators or platforms that provide the same software each install their own CRDs,
        controllers and webhooks for it: Strimzi (`kafka.strimzi.io`) and Koperator
        (`kafka.banzaicloud.io`) both run Kafka, Kyverno and Gatekeeper both register validating
        webhooks for every admission request, Istio and Linkerd both inject sidecars into Pods, Argo
        CD and Flux both reconcile the cluster from Git. Kubernetes has no notion of "the Kafka
        operator" or "the policy engine": it runs every controller it is given. Teams then pick
        different ones, upgrades and CVE fixes must be tracked twice, and where their reach overlaps
        (two meshes injecting into one namespace, two policy engines disagreeing on a Pod, two GitOps
        controllers reverting each other's changes) the result depends on which one acted last.

        The rule considers the catalog's `provides` values that a cluster normally has one provider
        of: `kafka`, `postgresql`, `mysql`, `mongodb`, `redis`, `elasticsearch`, `rabbitmq`,
        `cassandra`, `admission-policy`, `service-mesh`, `gitops`, `prometheus`, `certificates`,
        `cluster-backup`, `node-autoscaling`, `secret-sync` and `functions-as-a-service`. Capability
        tags that many components share by design (`pod-network`, which KL2001 checks, `cri`,
        `csi` storage kinds, `ingress`, `gateway-api`, `sidecar-injection`, device resources) are not
        checked here. A component that bundles another (`kube-prometheus` includes
        `prometheus-operator`, OADP includes Velero) is one installation, not two competitors.
        Two deliberate installations (say, two PostgreSQL operators owned by different teams) are
        possible, which is why this is a warning.
        """,
        """
        Choose one provider and migrate the workloads of the other to it, then remove the other's
        controllers and CRDs. If both are deliberate, suppress the finding on the reported object
        with the annotations `k8s-landscape.io/ignore: KL7001` and `k8s-landscape.io/ignore-reason`.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var landscape = context.Landscape;
        var byThing = new SortedDictionary<string, List<RecognizedComponent>>(StringComparer.Ordinal);
        foreach (var c in landscape.Components)
        {
            // A component seen only because a pod asks for its scheduler name is not installed.
            if (c.Evidence.All(e => e.Fingerprint == "scheduler")) continue;
            foreach (var thing in c.Definition.Provides)
            {
                if (!SingularSoftware.Contains(thing)) continue;
                if (!byThing.TryGetValue(thing, out var list)) byThing[thing] = list = [];
                list.Add(c);
            }
        }

        var workloadObjects = new HashSet<KubeObject>(landscape.Workloads.Select(w => w.Object), ReferenceEqualityComparer.Instance);
        var installations = landscape.Lifecycle.Installations.GroupBy(i => i.ComponentId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(i => i.Representative.Location).First(), StringComparer.Ordinal);
        foreach (var (thing, providers) in byThing)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var bundled = providers.SelectMany(p => p.Definition.Includes).ToHashSet(StringComparer.Ordinal);
            var parties = providers
                .Where(p => !bundled.Contains(p.Id))
                .DistinctBy(p => p.Id)
                .Select(p => (Component: p, Representative: installations.TryGetValue(p.Id, out var i) ? i.Representative : Representative(p, workloadObjects)))
                .OrderBy(p => p.Representative.Location)
                .ThenBy(p => p.Component.Id, StringComparer.Ordinal)
                .ToArray();
            if (parties.Length < 2) continue;

            var first = parties[0].Representative;
            var names = parties.Select(p => $"{p.Component.Definition.Name} ({p.Representative.Kind} {Parties.Display(p.Representative)})");
            context.Report(Descriptor, first, null, parties.Skip(1).Select(p => p.Representative), thing, parties.Length, Parties.Join(names));
        }
    }

    // An installation's workload says "installed" more plainly than a CRD or a label, so it stands for the
    // component; a workload outside any installation (a dumped Pod) comes next.
    private static KubeObject Representative(RecognizedComponent c, HashSet<KubeObject> workloads)
    {
        var objects = c.Objects;
        return objects.FirstOrDefault(workloads.Contains) ?? objects[0];
    }
}
