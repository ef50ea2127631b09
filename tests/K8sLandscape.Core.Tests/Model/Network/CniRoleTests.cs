using K8sLandscape.Core.Tests.Model.Api;

namespace K8sLandscape.Core.Tests.Model.Network;

public class CniRoleTests
{
    private const string FlannelDaemonSet = """
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: kube-flannel-ds, namespace: kube-flannel}
        spec:
          template:
            spec:
              containers: [{name: kube-flannel, image: "docker.io/flannel/flannel:v0.25.1"}]

        """;

    [SkippableFact]
    public void Conflists_embedded_in_agent_ConfigMaps_make_kube_router_and_flannel_primary()
    {
        var network = CorpusLandscape.Load("installs/kube-router", "cni/flannel/kube-flannel.yml").Network;

        var router = Assert.Single(network.Plugins, p => p.Id == "kube-router");
        Assert.Equal("primary", router.Role);
        Assert.Equal("its DaemonSet kube-system/kube-router writes the conflist in ConfigMap kube-system/kube-router-cfg data.cni-conf.json, led by the 'bridge' plugin", Assert.Single(router.RoleEvidence).Reason);
        var flannel = Assert.Single(network.Plugins, p => p.Id == "flannel");
        Assert.Equal("primary", flannel.Role);
        Assert.Equal(["flannel", "kube-router"], network.PrimaryPlugins.Select(p => p.Id));
    }

    [SkippableFact]
    public void Calico_with_the_none_networking_backend_is_policy_only_in_canal()
    {
        var calico = Assert.Single(CorpusLandscape.Load("cni/calico/canal.yaml").Network.Plugins, p => p.Id == "calico");

        Assert.Equal("primary", calico.CatalogRole);
        Assert.Equal("chained", calico.Role);
        Assert.Contains(calico.RoleEvidence, e => e.Reason.Contains("CALICO_NETWORKING_BACKEND is 'none'", StringComparison.Ordinal) && e.Path!.Contains(".env[", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Calico_reading_its_backend_bird_from_its_ConfigMap_stays_primary()
    {
        // calico.yaml: CALICO_NETWORKING_BACKEND comes from calico-config's calico_backend ("bird").
        var calico = Assert.Single(CorpusLandscape.Load("cni/calico/calico.yaml").Network.Plugins, p => p.Id == "calico");

        Assert.Equal("primary", calico.Role);
        Assert.DoesNotContain(calico.RoleEvidence, e => e.Role == "chained");
    }

    [Fact]
    public void Cilium_chaining_mode_in_its_ConfigMap_makes_it_chained()
    {
        var network = CorpusLandscape.FromYaml(FlannelDaemonSet + """
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cilium-config, namespace: kube-system}
            data: {cni-chaining-mode: generic-veth, enable-policy: default}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: cilium, namespace: kube-system}
            spec:
              template:
                spec:
                  containers: [{name: cilium-agent, image: "quay.io/cilium/cilium:v1.16.0"}]
            """).Network;

        var cilium = Assert.Single(network.Plugins, p => p.Id == "cilium");
        Assert.Equal("chained", cilium.Role);
        Assert.Equal("data.cni-chaining-mode", Assert.Single(cilium.RoleEvidence).Path);
        Assert.Equal(["flannel"], network.PrimaryPlugins.Select(p => p.Id));
    }

    [Theory]
    [InlineData("networkPolicyOnly", "chained")]
    [InlineData("encap", "primary")]
    public void Antrea_traffic_encap_mode_decides_its_role(string mode, string expected)
    {
        var network = CorpusLandscape.FromYaml(FlannelDaemonSet + $$"""
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: antrea-config, namespace: kube-system}
            data:
              antrea-agent.conf: |
                featureGates: {}
                trafficEncapMode: {{mode}}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: antrea-agent, namespace: kube-system}
            spec:
              template:
                spec:
                  containers: [{name: antrea-agent, image: "antrea/antrea-agent-ubuntu:v2.1.0"}]
            """).Network;

        Assert.Equal(expected, Assert.Single(network.Plugins, p => p.Id == "antrea").Role);
    }

    [Fact]
    public void Only_the_conflist_libcni_loads_says_anything_about_roles()
    {
        // 05-cilium.conf is shadowed by 04-flannel-cilium.conflist in the same directory.
        var loader = new K8sLandscape.Loading.ManifestLoader(new K8sLandscape.Loading.LoaderOptions { MaxParallelism = 1 });
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "04-flannel-cilium.conflist"), """{"cniVersion":"0.3.1","name":"cbr0","plugins":[{"type":"flannel"},{"type":"portmap"},{"type":"cilium-cni"}]}""");
        File.WriteAllText(Path.Combine(dir.Path, "05-cilium.conf"), """{"cniVersion":"0.3.1","name":"cilium","type":"cilium-cni"}""");
        var network = K8sLandscape.Model.Landscape.Build(loader.Load([dir.Path])).Network;

        var cilium = Assert.Single(network.Plugins, p => p.Id == "cilium");
        Assert.Equal("chained", cilium.Role);
        Assert.Equal("04-flannel-cilium.conflist", Path.GetFileName(Assert.Single(cilium.RoleEvidence).Object.Location.Path));
    }

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("cni-roles-").FullName;

        public void Dispose() => Directory.Delete(Path, true);
    }
}
