using K8sLandscape.Analyzers.Rules.Runtime;
using K8sLandscape.Loading;
using K8sLandscape.Analyzers.Tests.Verification;
using static K8sLandscape.Analyzers.Tests.Verification.RuleVerifier;

namespace K8sLandscape.Analyzers.Tests.Rules.Runtime;

public class FragmentedContainerRuntimeTests
{
    [SkippableFact]
    public void KL1001_fires_on_a_docker_GKE_node_beside_a_containerd_node()
    {
        var f = Assert.Single(Verify(new FragmentedContainerRuntimeAnalyzer(), RuleInput.Corpus("cluster-dumps/kubernetes-apimachinery-testdata/gke-node.yaml", "cluster-dumps/popeye-testdata/nodes-list.yaml"), new ExpectedFinding("KL1001", "gke-node.yaml", 234)));
        Assert.Equal("KL1001", f.Id);
        // grep -n containerRuntimeVersion: gke-node.yaml:234 (docker://17.3.2), nodes-list.yaml:64 (containerd://1.5.1)
        Assert.Equal(("gke-node.yaml", 234), Line(f.Location));
        Assert.Equal([("nodes-list.yaml", 64)], Lines(f.RelatedLocations));
        Assert.Equal("Nodes run 2 different container runtime engines: containerd on 'n1'; docker on 'node-default-pool-something'", f.Message);
    }

    [SkippableFact]
    public void KL1001_is_quiet_when_every_node_runs_containerd()
    {
        var landscape = LandscapeOf(RuleInput.Corpus("cluster-dumps/sonobuoy-testdata-healthsummary-kind", "cluster-dumps/popeye-testdata/nodes-list.yaml"));

        Assert.Equal(4, landscape.Runtime.Nodes.Count);
        Assert.Empty(Run(new FragmentedContainerRuntimeAnalyzer(), landscape));
    }

    [Fact]
    public void KL1001_fires_on_the_sample_clusters_CRI_O_node()
    {
        var f = Assert.Single(Verify(new FragmentedContainerRuntimeAnalyzer(), RuleInput.Sample(), new ExpectedFinding("KL1001", "runtime.yaml", 19)));
        // samples/README.md conflict 6; grep -n containerRuntimeVersion runtime.yaml: 19 (gpu-node-1), 41 (gpu-node-2), 57 (cpu-node-1)
        Assert.Equal(("runtime.yaml", 19), Line(f.Location));
        Assert.Equal([("runtime.yaml", 41), ("runtime.yaml", 57)], Lines(f.RelatedLocations));
        Assert.Contains("containerd on 'cpu-node-1' and 'gpu-node-1'; cri-o on 'gpu-node-2'", f.Message, StringComparison.Ordinal);
    }
}

public class CriVersionMismatchTests
{
    private const string Nodes = """
        apiVersion: v1
        kind: Node
        metadata: { name: old-containerd }
        status:
          nodeInfo:
            containerRuntimeVersion: containerd://1.5.9 #! KL1002
            kubeletVersion: v1.27.3
        ---
        apiVersion: v1
        kind: Node
        metadata: { name: new-containerd }
        status:
          nodeInfo:
            containerRuntimeVersion: containerd://1.7.2
            kubeletVersion: v1.28.2
        ---
        apiVersion: v1
        kind: Node
        metadata: { name: old-kubelet }
        status:
          nodeInfo:
            containerRuntimeVersion: containerd://2.0.1 #! KL1002
            kubeletVersion: v1.19.16
        ---
        apiVersion: v1
        kind: Node
        metadata: { name: cri-dockerd }
        status:
          nodeInfo:
            containerRuntimeVersion: docker://24.0.7
            kubeletVersion: v1.29.0
        """;

    [Fact]
    public void KL1002_fires_for_containerd_1_5_under_kubelet_1_27_and_containerd_2_under_kubelet_1_19()
    {
        var findings = Verify(new CriVersionMismatchAnalyzer(), RuleInput.Yaml(Nodes, "nodes.yaml"));

        Assert.All(findings, f => Assert.Equal("KL1002", f.Id));
        Assert.Equal([("nodes.yaml", 6), ("nodes.yaml", 22)], Lines(findings.Select(f => f.Location)));
        Assert.Equal([("nodes.yaml", 7)], Lines(findings[0].RelatedLocations));
        Assert.StartsWith("Node 'old-containerd' runs kubelet v1.27.3 on containerd 1.5.9, which does not serve CRI v1 (the first containerd release that does is 1.6.0)", findings[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("Node 'old-kubelet' runs kubelet v1.19.16 on containerd 2.0.1, which no longer serves CRI v1alpha2", findings[1].Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void KL1002_is_quiet_on_the_corpus_cluster_dumps_and_the_sample()
    {
        // kind nodes (containerd 1.2.6 on kubelet 1.14, 1.4.0 on 1.20), popeye (1.5.1 on 1.21) and a GKE docker node (not judged).
        Assert.Empty(Verify(new CriVersionMismatchAnalyzer(), RuleInput.Corpus("cluster-dumps")));
        Assert.Empty(Verify(new CriVersionMismatchAnalyzer(), RuleInput.Sample()));
    }
}

public class RuntimeClassHandlerConflictTests
{
    [SkippableFact]
    public void KL1003_fires_for_every_kata_RuntimeClass_whose_handler_the_kata_containerd_config_lacks()
    {
        var landscape = LandscapeOf(RuleInput.Corpus("cri/kata-containers/kata-runtimeClasses-3.20.0.yaml", "cri/containerd/config-v2-kata-from-kata-docs.extracted.toml"));

        var findings = Run(new RuntimeClassHandlerConflictAnalyzer(), landscape);

        // grep -c '^handler:' kata-runtimeClasses-3.20.0.yaml = 16; the config defines runtimes.runc and runtimes.kata only.
        Assert.Equal(16, findings.Count);
        var first = findings.OrderBy(f => f.Location).First();
        Assert.Equal("KL1003", first.Id);
        Assert.Equal(("kata-runtimeClasses-3.20.0.yaml", 6), Line(first.Location));
        Assert.Equal([("config-v2-kata-from-kata-docs.extracted.toml", 1)], Lines(first.RelatedLocations));
        Assert.StartsWith("RuntimeClass 'kata-clh' names handler 'kata-clh', which none of the 1 runtime configuration(s) in the input defines (they define 'kata' and 'runc')", first.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void KL1003_fires_when_two_kata_RuntimeClasses_disagree_on_overhead()
    {
        var f = Assert.Single(Verify(new RuntimeClassHandlerConflictAnalyzer(), RuleInput.Corpus("cri/kata-containers/tests-kata-runtimeclass-4.1.0.yaml", "cri/kata-containers/csi-kata-directvolume-runtimeclass-4.1.0.yaml"), new ExpectedFinding("KL1003", "csi-kata-directvolume-runtimeclass-4.1.0.yaml", 5)));
        // grep -n 'handler: kata': line 5 in both files; the csi-kata-directvolume path sorts first.
        Assert.Equal(("csi-kata-directvolume-runtimeclass-4.1.0.yaml", 5), Line(f.Location));
        Assert.Equal([("tests-kata-runtimeclass-4.1.0.yaml", 5)], Lines(f.RelatedLocations));
        Assert.Equal("RuntimeClass 'kata' (overhead none, nodeSelector none) and 'kata' (overhead cpu=250m,memory=160Mi, nodeSelector none) all select handler 'kata' but differ in overhead or scheduling", f.Message);
    }

    [SkippableFact]
    public void KL1003_is_quiet_for_gVisor_with_its_runsc_config_and_without_any_runtime_config()
    {
        Assert.Empty(Verify(new RuntimeClassHandlerConflictAnalyzer(), RuleInput.Corpus("cri/gvisor")));
        Assert.Empty(Verify(new RuntimeClassHandlerConflictAnalyzer(), RuleInput.Corpus("cri/kata-containers/kata-runtimeClasses-3.20.0.yaml")));
        // The sample's RuntimeClass 'nvidia' is defined in its containerd config.toml.
        Assert.Empty(Verify(new RuntimeClassHandlerConflictAnalyzer(), RuleInput.Sample()));
    }
}

public class UndefinedRuntimeClassTests
{
    private const string Workloads = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: sandboxed, namespace: shop }
        spec:
          template:
            spec:
              runtimeClassName: kata
              containers: [{ name: app, image: nginx }]
        ---
        apiVersion: v1
        kind: Pod
        metadata: { name: ok, namespace: shop }
        spec:
          runtimeClassName: gvisor
          containers: [{ name: app, image: nginx }]
        """;

    [SkippableFact]
    public void KL1004_fires_for_a_workload_naming_a_class_the_gVisor_install_does_not_define()
    {
        var f = Assert.Single(Verify(new UndefinedRuntimeClassAnalyzer(), RuleInput.Corpus("cri/gvisor/runtimeclass-gvisor.extracted.yaml").AndFile("apps.yaml", Workloads), new ExpectedFinding("KL1004", "apps.yaml", 7)));
        Assert.Equal("KL1004", f.Id);
        Assert.Equal(("apps.yaml", 7), Line(f.Location));
        Assert.Equal("Deployment shop/sandboxed requests RuntimeClass 'kata', which is not defined (the input defines 'gvisor')", f.Message);
        Assert.Equal(new ObjectRef("apps", "Deployment", "shop", "sandboxed"), f.Subject);
    }

    [Fact]
    public void KL1004_is_quiet_when_the_input_defines_no_RuntimeClass_at_all()
    {
        Assert.Empty(Verify(new UndefinedRuntimeClassAnalyzer(), RuleInput.Yaml(Workloads, "apps.yaml")));
    }
}
