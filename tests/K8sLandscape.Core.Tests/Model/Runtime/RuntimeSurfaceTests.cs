using K8sLandscape.Model.Runtime;

namespace K8sLandscape.Core.Tests.Model.Runtime;

public class RuntimeSurfaceTests
{
    [SkippableFact]
    public void Kata_runtime_classes_map_handlers_to_the_vm_sandbox()
    {
        var l = InfrastructureTestLoader.FromCorpus("cri/kata-containers/kata-runtimeClasses-3.20.0.yaml");

        Assert.Equal(16, l.Runtime.RuntimeClasses.Count);
        var clh = Assert.Single(l.Runtime.RuntimeClasses, c => c.Name == "kata-clh");
        Assert.Equal("kata-clh", clh.Handler);
        Assert.Equal("130Mi", clh.Overhead["memory"]);
        Assert.Equal("250m", clh.Overhead["cpu"]);
        Assert.Equal("true", clh.NodeSelector["katacontainers.io/kata-runtime"]);
        Assert.All(l.Runtime.RuntimeClasses, c => Assert.Equal("vm-sandbox", c.Isolation));
        Assert.Equal(["kata"], l.Point(RuntimeSurface.RuntimeHandlersPoint).Ids());
    }

    [SkippableFact]
    public void GVisor_runtime_class_uses_the_runsc_handler_with_a_user_space_kernel()
    {
        var l = InfrastructureTestLoader.FromCorpus("cri/gvisor/runtimeclass-gvisor.extracted.yaml", "cri/gvisor/containerd-config-runsc.extracted.toml");

        var rc = Assert.Single(l.Runtime.RuntimeClasses);
        Assert.Equal(("gvisor", "runsc", "user-space-kernel", "gvisor"), (rc.Name, rc.Handler, rc.Isolation, rc.ComponentId));
        var runsc = Assert.Single(l.Runtime.Handlers, h => h.Name == "runsc");
        Assert.Equal("io.containerd.runsc.v1", runsc.RuntimeType);
        Assert.Equal(2, runsc.ConfigVersion);
        Assert.Equal(["gvisor", "runc"], l.Point(RuntimeSurface.RuntimeHandlersPoint).Ids());
    }

    [SkippableFact]
    public void Containerd_config_version_2_and_3_runtimes_are_read_from_their_plugin_tables()
    {
        var v2 = InfrastructureTestLoader.FromCorpus("cri/containerd/config-v2-kata-from-kata-docs.extracted.toml");
        var v3 = InfrastructureTestLoader.FromCorpus("cri/containerd/config-v3-kata-from-kata-docs.extracted.toml");

        foreach (var (l, version) in new[] { (v2, 2), (v3, 3) })
        {
            Assert.Equal(["runc", "kata"], l.Runtime.Handlers.Select(h => h.Name));
            Assert.All(l.Runtime.Handlers, h => Assert.Equal(("containerd", version), (h.Engine, h.ConfigVersion)));
            Assert.Equal("io.containerd.runc.v2", l.Runtime.Handlers[0].RuntimeType);
            Assert.Equal("io.containerd.kata.v2", l.Runtime.Handlers[1].RuntimeType);
            Assert.Equal("vm-sandbox", l.Runtime.Handlers[1].Isolation);
            Assert.Equal("shared-kernel", l.Runtime.Handlers[0].Isolation);
        }

        // The kata table starts on line 6 of both files (read from the files).
        Assert.Equal(6, v2.Runtime.Handlers[1].Location.Line);
        Assert.Equal(6, v3.Runtime.Handlers[1].Location.Line);
    }

    [SkippableFact]
    public void Containerd_default_runtime_name_marks_the_default_handler()
    {
        var l = InfrastructureTestLoader.FromCorpus("cri/containerd/config-default-1.7.toml");

        var runc = Assert.Single(l.Runtime.Handlers);
        Assert.Equal("runc", runc.Name);
        Assert.True(runc.IsDefault);
    }

    [SkippableFact]
    public void Crio_runtimes_are_read_with_path_type_and_default()
    {
        var l = InfrastructureTestLoader.FromCorpus("cri/cri-o/crio.conf.d");

        var kata = Assert.Single(l.Runtime.Handlers, h => h.Name == "kata");
        Assert.Equal(("cri-o", "/usr/bin/containerd-shim-kata-v2", "vm"), (kata.Engine, kata.RuntimePath, kata.RuntimeType));
        Assert.Equal("vm-sandbox", kata.Isolation);
        var runcs = l.Runtime.Handlers.Where(h => h.Name == "runc").ToArray();
        Assert.Equal(2, runcs.Length);
        Assert.All(runcs, h => Assert.Equal("/usr/bin/runc", h.RuntimePath));
        Assert.Single(runcs, h => h.IsDefault); // only 50-runc-default.conf names default_runtime
    }

    [SkippableFact]
    public void Nodes_of_cluster_dumps_report_engine_version_and_kubelet()
    {
        var l = InfrastructureTestLoader.FromCorpus(
            "cluster-dumps/sonobuoy-testdata-healthsummary-kind/resources/cluster/core_v1_nodes.json",
            "cluster-dumps/kubernetes-apimachinery-testdata/gke-node.yaml",
            "cluster-dumps/popeye-testdata/nodes-list.yaml");
        var nodes = l.Runtime.Nodes.ToDictionary(n => n.NodeName);

        var kind = nodes["kind-control-plane"];
        Assert.Equal(("containerd", "1.4.0", "v1.20.0", "linux", "amd64"), (kind.Engine, kind.EngineVersion, kind.KubeletVersion, kind.OperatingSystem, kind.Architecture));
        Assert.Equal(CriVersionSupport.No, kind.SpeaksCriV1);
        Assert.Contains("kind-worker2", nodes.Keys);

        var gke = nodes["node-default-pool-something"];
        Assert.Equal(("docker", "17.3.2", "v1.11.10-gke.5"), (gke.Engine, gke.EngineVersion, gke.KubeletVersion));
        Assert.Equal(234, gke.Location.Line);

        var n1 = nodes["n1"];
        Assert.Equal(("containerd", "1.5.1", "v1.21.1", "arm64"), (n1.Engine, n1.EngineVersion, n1.KubeletVersion, n1.Architecture));

        Assert.Equal(["containerd", "docker"], l.Runtime.Engines);
        var engines = l.Point(RuntimeSurface.ContainerRuntimePoint);
        Assert.True(engines.ExpectsSingle);
        Assert.Equal(["containerd", "docker"], engines.Ids());
    }

    [Fact]
    public void Cri_v1_support_follows_engine_releases()
    {
        Assert.Equal(CriVersionSupport.No, CriInterface.SpeaksV1("containerd", "1.5.18"));
        Assert.Equal(CriVersionSupport.Yes, CriInterface.SpeaksV1("containerd", "1.6.0"));
        Assert.Equal(CriVersionSupport.Yes, CriInterface.SpeaksV1("containerd", "2.0.0"));
        Assert.Equal(CriVersionSupport.No, CriInterface.SpeaksV1("containerd", "1.2.6-0ubuntu1"));
        Assert.Equal(CriVersionSupport.Yes, CriInterface.SpeaksV1("cri-o", "1.28.1"));
        Assert.Equal(CriVersionSupport.No, CriInterface.SpeaksV1("cri-o", "1.19.0"));
        Assert.Equal(CriVersionSupport.Unknown, CriInterface.SpeaksV1("docker", "20.10.7"));
        Assert.Equal(CriVersionSupport.No, CriInterface.SpeaksV1("frakti", "1.0.0"));
        Assert.Equal(CriVersionSupport.Unknown, CriInterface.SpeaksV1("rkt", "1.0.0"));
        Assert.Equal(CriVersionSupport.No, CriInterface.SpeaksV1Alpha2("containerd", "2.0.1"));
        Assert.Equal(new global::K8sLandscape.Model.KubernetesVersion(1, 26), CriInterface.KubeletRequiresV1Since);
        Assert.Equal(["kubelet", "frakti", "runv"], CriInterface.CallChainOf("frakti")!.Steps);
        Assert.Contains("PullImage", CriInterface.ImageServiceOperations);
        Assert.Contains("RunPodSandbox", CriInterface.RuntimeServiceOperations);
    }

    [Theory]
    [InlineData("containerd://1.7.2", "containerd", "1.7.2")]
    [InlineData("cri-o://1.28.1", "cri-o", "1.28.1")]
    [InlineData("docker://20.10.7", "docker", "20.10.7")]
    [InlineData("remote", "remote", null)]
    public void Runtime_version_splits_into_engine_and_release(string text, string engine, string? version) =>
        Assert.Equal((engine, version), NodeRuntime.ParseRuntimeVersion(text));

    [Fact]
    public void Nodes_built_in_code_with_two_engines_are_two_implementations()
    {
        static string Node(string name, string runtime) =>
            "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"" + name + "\"},\"status\":{\"nodeInfo\":{\"containerRuntimeVersion\":\"" + runtime + "\",\"kubeletVersion\":\"v1.30.1\"}}}";
        var l = InfrastructureTestLoader.FromJson(Node("a", "containerd://1.7.2"), Node("b", "cri-o://1.30.0"), Node("c", "containerd://1.7.2"));

        var point = l.Point(RuntimeSurface.ContainerRuntimePoint);
        Assert.Equal(["containerd", "cri-o"], point.Ids());
        Assert.Equal(2, point.Implementations[0].Objects.Count);
        Assert.All(l.Runtime.Nodes, n => Assert.Equal(CriVersionSupport.Yes, n.SpeaksCriV1));
    }
}
