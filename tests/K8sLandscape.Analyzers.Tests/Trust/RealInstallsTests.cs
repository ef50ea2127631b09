using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Analyzers.Tests.Trust;

/// <summary>
/// Precision on real installs: a healthy single install gives no error-level finding, and the real
/// conflict combinations of installs/README.md give their conflict once.
/// </summary>
public class RealInstallsTests
{
    public static TheoryData<string> Addons() => new(SingleInstalls.Addons);

    public static TheoryData<string> Others() => new(SingleInstalls.Others.Select(o => o.Name));

    [SkippableTheory]
    [MemberData(nameof(Addons))]
    public void A_single_addon_install_gives_no_error_and_no_collision(string addon)
    {
        var findings = Analyze(null, "installs/" + addon);
        AssertNoErrors(findings);

        // installs/README.md: dependency notes are fine for a single install, "X collides with Y" is not.
        var collisions = findings.Where(f => f.Severity >= DiagnosticSeverity.Warning && CollisionRules.Contains(f.Id)).ToArray();
        Assert.True(collisions.Length == 0, "collisions in a single install:\n" + string.Join("\n", collisions.Select(e => $"{e.Id} {e.Location}: {e.Message}")));
    }

    // Rules whose findings say that two parties collide.
    private static readonly HashSet<string> CollisionRules = new(StringComparer.Ordinal)
    {
        "KL2001", "KL3001", "KL4001", "KL5001", "KL5002", "KL5003", "KL5004", "KL5006", "KL6001", "KL7001", "KL7002", "KL7003", "KL8001", "KL8002",
    };

    [SkippableTheory]
    [MemberData(nameof(Others))]
    public void Another_single_install_in_the_corpus_gives_no_error(string name)
    {
        var (_, paths, version) = SingleInstalls.Others.Single(o => o.Name == name);
        AssertNoErrors(Analyze(version, paths));
    }

    [SkippableFact]
    public void Prometheus_adapter_and_metrics_server_claim_the_resource_metrics_API_once()
    {
        var findings = Analyze(null, "installs/prometheus-adapter", "installs/microk8s-metrics-server");
        var f = Assert.Single(findings, f => f.Id == "KL5004");
        Assert.Contains("metrics.k8s.io/v1beta1", f.Message, StringComparison.Ordinal);
        AssertNoOtherErrors(findings, "KL5004");
    }

    [SkippableFact]
    public void Training_operator_and_mpi_operator_define_mpijobs_differently_once()
    {
        var findings = Analyze(null, "installs/training-operator", "installs/mpi-operator");
        var f = Assert.Single(findings, f => f.Id == "KL5003");
        Assert.Contains("mpijobs.kubeflow.org", f.Message, StringComparison.Ordinal);
        AssertNoOtherErrors(findings, "KL5003");
    }

    [SkippableFact]
    public void Two_nginx_ingress_classes_with_different_controllers_are_one_error()
    {
        var findings = Analyze(null, "installs/nginx-inc-ingress", "operators/ingress-nginx/deploy-cloud.yaml");
        var f = Assert.Single(findings, f => f.Severity == DiagnosticSeverity.Error);
        Assert.Contains("IngressClass", f.Message, StringComparison.Ordinal);
        Assert.Contains("nginx", f.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Flux_v1_and_v2_share_the_short_name_hr_once()
    {
        var findings = Analyze(null, "installs/flux2", "installs/flux-helm-operator");
        Assert.Single(findings, f => f.Id == "KL5001" && f.Message.Contains("'hr'", StringComparison.Ordinal));
        AssertNoErrors(findings);
    }

    [SkippableTheory]
    [InlineData("cni/flannel/kube-flannel.yml", "Flannel")]
    [InlineData("cni/calico/calico.yaml", "Calico")]
    public void Kube_router_beside_another_primary_CNI_is_one_error(string other, string name)
    {
        var findings = Analyze(null, "installs/kube-router", other);
        var f = Assert.Single(findings, f => f.Severity == DiagnosticSeverity.Error);
        Assert.Equal("KL2001", f.Id);
        Assert.Contains(name, f.Message, StringComparison.Ordinal);
        Assert.Contains("kube-router", f.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void MetalLB_and_Calico_both_serve_bgppeers_once()
    {
        var findings = Analyze(null, "installs/metallb", "cni/calico/calico.yaml");
        Assert.Single(findings, f => f.Id == "KL5002" && f.Message.Contains("'bgppeers'", StringComparison.Ordinal));
        AssertNoErrors(findings);
    }

    [SkippableFact]
    public void Kuma_OpenTelemetry_and_Istio_pod_injectors_overlap()
    {
        var findings = Analyze(
            null, "installs/kuma", "installs/opentelemetry-operator", "helm-rendered/istio-istioctl-manifest-generate/pilot_default.golden.yaml");
        // OTel's mpod.kb.io exists only inside its ClusterServiceVersion (spec.webhookdefinitions) and matches every pod.
        var overlap = Assert.Single(findings, f => f.Id == "KL6001");
        Assert.Contains("mpod.kb.io", overlap.Message, StringComparison.Ordinal);
        Assert.Contains("kuma", overlap.Message, StringComparison.Ordinal);
        Assert.Contains("istio", overlap.Message, StringComparison.Ordinal);
        AssertNoErrors(findings);
    }

    [SkippableFact]
    public void Kong_and_ingress_nginx_have_distinct_ingress_classes_and_no_conflict()
    {
        var findings = Analyze(null, "installs/kong-ingress", "operators/ingress-nginx/deploy-cloud.yaml");
        Assert.DoesNotContain(findings, f => f.Id is "KL8001" or "KL8002" or "KL5006");
        AssertNoErrors(findings);
    }

    private static Finding[] Analyze(string? kubernetesVersion, params string[] corpusPaths)
    {
        var paths = corpusPaths.Select(p => Corpus.Require(p)).ToArray();
        var load = new ManifestLoader().Load(paths);
        var options = new LandscapeOptions { KubernetesVersion = kubernetesVersion is null ? null : KubernetesVersion.Parse(kubernetesVersion) };
        var landscape = Landscape.Build(load, options);
        return LandscapeAnalysis.Create().Run(landscape).Findings.Where(f => !f.Suppressed).ToArray();
    }

    private static void AssertNoErrors(IReadOnlyList<Finding> findings) => AssertNoOtherErrors(findings, null);

    private static void AssertNoOtherErrors(IReadOnlyList<Finding> findings, string? expected)
    {
        var errors = findings.Where(f => f.Severity == DiagnosticSeverity.Error && f.Id != expected).ToArray();
        Assert.True(errors.Length == 0, "unexpected errors:\n" + string.Join("\n", errors.Select(e => $"{e.Id} {e.Location}: {e.Message}")));
    }
}
