using K8sLandscape.Analyzers.Rules.Devices;
using K8sLandscape.Analyzers.Tests.Verification;
using static K8sLandscape.Analyzers.Tests.Verification.RuleVerifier;

namespace K8sLandscape.Analyzers.Tests.Rules.Devices;

public class DuplicateDevicePluginResourceTests
{
    [SkippableFact]
    public void KL4001_fires_on_the_standalone_NVIDIA_plugin_beside_the_GPU_operators_ClusterPolicy()
    {
        var f = Assert.Single(Verify(new DuplicateDevicePluginResourceAnalyzer(), RuleInput.Corpus("device-plugins/nvidia-k8s-device-plugin/static/nvidia-device-plugin.yml", "device-plugins/nvidia-gpu-operator/samples/v1_clusterpolicy.yaml"), new ExpectedFinding("KL4001", "v1_clusterpolicy.yaml", 1)));
        Assert.Equal("KL4001", f.Id);
        // grep -n: v1_clusterpolicy.yaml:1 (apiVersion: nvidia.com/v1), nvidia-device-plugin.yml:15 (apiVersion: apps/v1 of the DaemonSet)
        Assert.Equal(("v1_clusterpolicy.yaml", 1), Line(f.Location));
        Assert.Equal([("nvidia-device-plugin.yml", 15)], Lines(f.RelatedLocations));
        Assert.Equal("Extended resource 'nvidia.com/gpu' is advertised by 2 device plugins: NVIDIA GPU Operator (ClusterPolicy gpu-cluster-policy) and NVIDIA device plugin (standalone) (DaemonSet kube-system/nvidia-device-plugin-daemonset)", f.Message);
    }

    [SkippableFact]
    public void KL4001_reports_one_finding_per_pair_of_plugins_naming_every_shared_resource()
    {
        // Intel's GPU plugin DaemonSet and the operator's GpuDevicePlugin sample both advertise four gpu.intel.com resources.
        var f = Assert.Single(Run(new DuplicateDevicePluginResourceAnalyzer(), LandscapeOf(RuleInput.Corpus("device-plugins/intel-device-plugins/gpu_plugin", "device-plugins/intel-device-plugins/operator"))));
        Assert.StartsWith(
            "Extended resource 'gpu.intel.com/i915', 'gpu.intel.com/memory.max', 'gpu.intel.com/millicores' and 'gpu.intel.com/xe' are advertised by 2 device plugins: Intel GPU device plugin",
            f.Message,
            StringComparison.Ordinal);
    }

    [SkippableFact]
    public void KL4001_is_quiet_for_variants_of_one_plugin_and_for_a_disabled_operator_plugin()
    {
        Assert.Empty(Verify(new DuplicateDevicePluginResourceAnalyzer(), RuleInput.Corpus("device-plugins/nvidia-k8s-device-plugin/static")));
        const string disabled = """
            apiVersion: nvidia.com/v1
            kind: ClusterPolicy
            metadata: { name: cluster-policy }
            spec:
              devicePlugin: { enabled: false }
            """;
        Assert.Empty(Verify(new DuplicateDevicePluginResourceAnalyzer(), RuleInput.Corpus("device-plugins/nvidia-k8s-device-plugin/static/nvidia-device-plugin.yml").AndFile("policy.yaml", disabled)));
    }

    [Fact]
    public void KL4001_fires_on_the_sample_clusters_two_NVIDIA_plugins()
    {
        var f = Assert.Single(Verify(new DuplicateDevicePluginResourceAnalyzer(), RuleInput.Sample(), new ExpectedFinding("KL4001", "devices.yaml", 2)));
        // samples/README.md conflict 3: devices.yaml DaemonSets at 2 and 75 (both the standalone image), operator Deployment 37, ClusterPolicy 58
        Assert.Equal(("devices.yaml", 2), Line(f.Location));
        Assert.Equal([("devices.yaml", 37), ("devices.yaml", 58), ("devices.yaml", 75)], Lines(f.RelatedLocations));
        Assert.StartsWith("Extended resource 'nvidia.com/gpu' is advertised by 2 device plugins:", f.Message, StringComparison.Ordinal);
    }
}

public class DevicePluginAndDraResourceTests
{
    private static string DeviceClass(string resource) => $"""
        apiVersion: resource.k8s.io/v1
        kind: DeviceClass
        metadata: {"{"} name: gpu.nvidia.com {"}"}
        spec:
          selectors:
            - cel: {"{"} expression: 'device.driver == "gpu.nvidia.com"' {"}"}
          extendedResourceName: {resource}
        """;

    [SkippableFact]
    public void KL4002_fires_when_a_DeviceClass_serves_nvidia_gpu_beside_the_device_plugin()
    {
        var f = Assert.Single(Verify(new DevicePluginAndDraResourceAnalyzer(), RuleInput.Corpus("device-plugins/nvidia-k8s-device-plugin/static/nvidia-device-plugin.yml").AndFile("deviceclass.yaml", DeviceClass("nvidia.com/gpu")), new ExpectedFinding("KL4002", "nvidia-device-plugin.yml", 15)));
        Assert.Equal("KL4002", f.Id);
        Assert.Equal(("nvidia-device-plugin.yml", 15), Line(f.Location));
        Assert.Equal([("deviceclass.yaml", 7)], Lines(f.RelatedLocations));
        Assert.Equal("Extended resource 'nvidia.com/gpu' is provided both by device plugin(s) 'NVIDIA device plugin (standalone)' and by DRA DeviceClass(es) 'gpu.nvidia.com'", f.Message);
    }

    [SkippableFact]
    public void KL4002_is_quiet_when_the_DeviceClass_serves_another_name()
    {
        var input = RuleInput.Corpus("device-plugins/nvidia-k8s-device-plugin/static/nvidia-device-plugin.yml").AndFile("deviceclass.yaml", DeviceClass("example.com/gpu"));
        Assert.Empty(Verify(new DevicePluginAndDraResourceAnalyzer(), input));
        Assert.Empty(Verify(new DevicePluginAndDraResourceAnalyzer(), RuleInput.Corpus("device-plugins")));
    }
}

public class UnprovidedExtendedResourceTests
{
    [SkippableFact]
    public void KL4003_fires_for_a_GPU_job_on_a_cluster_whose_node_has_no_GPU()
    {
        var f = Assert.Single(Verify(new UnprovidedExtendedResourceAnalyzer(), RuleInput.Corpus("device-plugins/nvidia-k8s-device-plugin/testdata-job-1.yaml", "cluster-dumps/kubernetes-apimachinery-testdata/gke-node.yaml"), new ExpectedFinding("KL4003", "testdata-job-1.yaml", 14)));
        Assert.Equal("KL4003", f.Id);
        // grep -n cuda-container testdata-job-1.yaml: 14
        Assert.Equal(("testdata-job-1.yaml", 14), Line(f.Location));
        Assert.Equal("Job j-e2e-1 container 'cuda-container' requests extended resource 'nvidia.com/gpu', which no device plugin, DRA DeviceClass or Node in the input provides", f.Message);
    }

    [SkippableFact]
    public void KL4003_is_quiet_when_a_plugin_provides_it_or_nothing_describes_the_nodes()
    {
        Assert.Empty(Verify(new UnprovidedExtendedResourceAnalyzer(), RuleInput.Corpus("device-plugins/amd-rocm-k8s-device-plugin")));
        Assert.Empty(Verify(new UnprovidedExtendedResourceAnalyzer(), RuleInput.Corpus("device-plugins/nvidia-k8s-device-plugin/testdata-job-1.yaml", "device-plugins/nvidia-k8s-device-plugin/static/nvidia-device-plugin.yml")));
        Assert.Empty(Verify(new UnprovidedExtendedResourceAnalyzer(), RuleInput.Corpus("device-plugins/nvidia-k8s-device-plugin/testdata-job-1.yaml")));
    }

    [Fact]
    public void KL4003_is_quiet_when_a_Node_advertises_the_resource()
    {
        const string yaml = """
            apiVersion: v1
            kind: Node
            metadata: { name: gpu-1 }
            status:
              allocatable: { example.com/fpga: "2" }
            ---
            apiVersion: v1
            kind: Pod
            metadata: { name: p, namespace: d }
            spec:
              containers:
                - name: c #! KL4003
                  image: busybox
                  resources: { limits: { example.com/fpga: 1, example.com/npu: 1 } }
            """;
        var f = Assert.Single(Verify(new UnprovidedExtendedResourceAnalyzer(), RuleInput.Yaml(yaml, "node.yaml")));
        Assert.Equal(("node.yaml", 12), Line(f.Location));
        Assert.Contains("'example.com/npu'", f.Message, StringComparison.Ordinal);
    }
}
