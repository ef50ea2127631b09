using K8sLandscape.Core.Tests.Model.Runtime;
using K8sLandscape.Model.Devices;

namespace K8sLandscape.Core.Tests.Model.Devices;

public class DeviceSurfaceTests
{
    [SkippableFact]
    public void Nvidia_device_plugin_provides_nvidia_gpu()
    {
        var l = InfrastructureTestLoader.FromCorpus("device-plugins/nvidia-k8s-device-plugin/static/nvidia-device-plugin.yml");

        var plugin = Assert.Single(l.Devices.DevicePlugins);
        Assert.Equal("nvidia-device-plugin", plugin.Id);
        Assert.Equal(["nvidia.com/gpu"], plugin.Resources);
        Assert.Contains(plugin.Objects, o => o.Kind == "DaemonSet" && o.Name == "nvidia-device-plugin-daemonset");
        var point = l.Point("nvidia.com/gpu");
        Assert.True(point.ExpectsSingle);
        Assert.Equal(["nvidia-device-plugin"], point.Ids());
    }

    [SkippableFact]
    public void Standalone_plugin_and_gpu_operator_cluster_policy_both_provide_nvidia_gpu()
    {
        var l = InfrastructureTestLoader.FromCorpus(
            "device-plugins/nvidia-k8s-device-plugin/static/nvidia-device-plugin.yml",
            "device-plugins/nvidia-gpu-operator/samples/v1_clusterpolicy.yaml");

        Assert.Equal(["nvidia-device-plugin", "nvidia-gpu-operator"], l.Point("nvidia.com/gpu").Ids());
    }

    [SkippableFact]
    public void Amd_plugin_provides_amd_gpu_and_the_example_pod_requests_it()
    {
        var l = InfrastructureTestLoader.FromCorpus("device-plugins/amd-rocm-k8s-device-plugin/k8s-ds-amdgpu-dp.yaml", "device-plugins/amd-rocm-k8s-device-plugin/example-pod-pytorch.yaml");

        var gpu = l.Devices.Resource("amd.com/gpu")!;
        Assert.Equal(["amd-gpu-device-plugin"], gpu.Providers);
        var request = Assert.Single(gpu.Requests);
        Assert.Equal("Pod", request.Workload.Kind);
    }

    [SkippableFact]
    public void Intel_gpu_plugin_and_operator_resource_provide_i915()
    {
        var l = InfrastructureTestLoader.FromCorpus(
            "device-plugins/intel-device-plugins/gpu_plugin/intel-gpu-plugin.yaml",
            "device-plugins/intel-device-plugins/operator/samples/deviceplugin_v1_gpudeviceplugin.yaml");

        Assert.Equal(["intel-device-plugins-operator", "intel-gpu-plugin"], l.Devices.Resource("gpu.intel.com/i915")!.Providers);
    }

    [SkippableFact]
    public void Dra_example_claims_resolve_to_the_example_driver()
    {
        var l = InfrastructureTestLoader.FromCorpus("device-plugins/dra-example-driver/examples/basic-resourceclaimtemplate/basic-resourceclaimtemplate.yaml");

        var template = Assert.Single(l.Devices.ResourceClaims);
        Assert.Equal(("single-gpu", true), (template.Name, template.IsTemplate));
        Assert.Equal(["gpu.example.com"], template.DeviceClassNames);
        Assert.Equal(["gpu.example.com"], template.Drivers);
        Assert.Equal(["gpu.example.com"], l.Devices.DraDrivers);
        Assert.Equal(["dra-example-driver"], l.Point(DeviceSurface.DraDriversPoint).Ids());
    }

    [SkippableFact]
    public void Dra_extended_resource_requests_are_listed()
    {
        var l = InfrastructureTestLoader.FromCorpus("device-plugins/dra-example-driver/examples/extended-resource-request/extended-resource-request.yaml");

        Assert.Single(l.Devices.Resource("deviceclass.resource.kubernetes.io/gpu.example.com")!.Requests);
        var explicitName = l.Devices.Resource("example.com/gpu")!;
        Assert.Single(explicitName.Requests);
        Assert.Empty(explicitName.Providers);
    }

    [Fact]
    public void Nodes_advertising_nvidia_gpu_and_a_device_class_are_collected()
    {
        var l = InfrastructureTestLoader.FromJson(
            """{"apiVersion":"v1","kind":"Node","metadata":{"name":"gpu-1"},"status":{"capacity":{"cpu":"8","nvidia.com/gpu":"4"},"allocatable":{"cpu":"7500m","nvidia.com/gpu":"4","hugepages-2Mi":"0"}}}""",
            """{"apiVersion":"v1","kind":"Node","metadata":{"name":"cpu-1"},"status":{"capacity":{"cpu":"8"},"allocatable":{"cpu":"8"}}}""",
            """{"apiVersion":"resource.k8s.io/v1","kind":"DeviceClass","metadata":{"name":"gpu.nvidia.com"},"spec":{"selectors":[{"cel":{"expression":"device.driver == 'gpu.nvidia.com'"}}],"extendedResourceName":"nvidia.com/gpu"}}""");

        var gpu = l.Devices.Resource("nvidia.com/gpu")!;
        var node = Assert.Single(gpu.Nodes);
        Assert.Equal(("gpu-1", "4", "4"), (node.NodeName, node.Capacity, node.Allocatable));
        Assert.Equal(["deviceclass:gpu.nvidia.com"], gpu.Providers);
        Assert.Equal(["gpu.nvidia.com"], Assert.Single(l.Devices.DeviceClasses).Drivers);
        Assert.Equal(["nvidia.com/gpu"], l.Devices.ExtendedResources.Select(r => r.Name));
        Assert.Equal(["nvidia-dra-driver-gpu"], l.Point(DeviceSurface.DraDriversPoint).Ids());
    }

    [Theory]
    [InlineData("nvidia.com/gpu", true)]
    [InlineData("cpu", false)]
    [InlineData("hugepages-2Mi", false)]
    [InlineData("kubernetes.io/batch-cpu", false)]
    [InlineData("deviceclass.resource.kubernetes.io/gpu.example.com", true)]
    public void Extended_resource_names_are_domain_prefixed_outside_kubernetes_io(string name, bool expected) =>
        Assert.Equal(expected, DevicePluginInterface.IsExtendedResource(name));

    [Fact]
    public void Unknown_daemonset_using_the_device_plugin_socket_is_unrecognized()
    {
        var l = InfrastructureTestLoader.FromJson(
            """{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"fpga-dp","namespace":"hw"},"spec":{"template":{"spec":{"containers":[{"name":"dp","image":"example.com/fpga-dp:1"}],"volumes":[{"name":"dp","hostPath":{"path":"/var/lib/kubelet/device-plugins"}}]}}}}""");

        var impl = Assert.Single(l.Point(DeviceSurface.DevicePluginsPoint).Implementations);
        Assert.Equal(("workload:DaemonSet/hw/fpga-dp", false), (impl.Id, impl.Recognized));
    }
}
