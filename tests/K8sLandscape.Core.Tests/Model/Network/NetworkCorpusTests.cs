using K8sLandscape.Core.Tests.Model.Runtime;
using K8sLandscape.Model.Network;

namespace K8sLandscape.Core.Tests.Model.Network;

public class NetworkCorpusTests
{
    [SkippableFact]
    public void Flannel_is_a_primary_vxlan_overlay_without_network_policy()
    {
        var l = InfrastructureTestLoader.FromCorpus("cni/flannel/kube-flannel.yml");

        var flannel = Assert.Single(l.Network.PrimaryPlugins);
        Assert.Equal(("flannel", "overlay", false), (flannel.Id, flannel.DataPlane, flannel.EnforcesNetworkPolicy));
        Assert.Contains("vxlan", flannel.Encapsulation);
        Assert.Contains(flannel.Objects, o => o.Kind == "DaemonSet" && o.Name == "kube-flannel-ds");
        var cidr = Assert.Single(l.Network.PodCidrs);
        Assert.Equal(("10.244.0.0/16", "flannel net-conf.json", "kube-flannel-cfg"), (cidr.Cidr, cidr.Source, cidr.Object.Name));
        Assert.Equal(91, cidr.Location.Line);
        Assert.Equal(["flannel"], l.Point(NetworkSurface.PodNetworkPoint).Ids());
        Assert.Empty(l.Point(NetworkSurface.NetworkPolicyPoint).Implementations);
    }

    [SkippableFact]
    public void Calico_is_routed_and_enforces_network_policy()
    {
        var l = InfrastructureTestLoader.FromCorpus("cni/calico/calico.yaml");

        var calico = Assert.Single(l.Network.PrimaryPlugins);
        Assert.Equal(("calico", "routed", true), (calico.Id, calico.DataPlane, calico.EnforcesNetworkPolicy));
        Assert.Contains("bgp", calico.Encapsulation);
        Assert.Contains(calico.Objects, o => o.Kind == "DaemonSet" && o.Name == "calico-node");
        // CALICO_IPV4POOL_CIDR is commented out in the manifest: no pod CIDR is declared.
        Assert.Empty(l.Network.PodCidrs);
        Assert.Equal(["calico"], l.Point(NetworkSurface.NetworkPolicyPoint).Ids());
    }

    [SkippableFact]
    public void Canal_bundles_calico_and_flannel_as_one_pod_network()
    {
        var l = InfrastructureTestLoader.FromCorpus("cni/calico/canal.yaml");

        Assert.Contains(l.Network.Plugins, p => p.Id == "calico" && p.IncludedIn == "canal");
        Assert.Contains(l.Network.Plugins, p => p.Id == "flannel" && p.IncludedIn == "canal");
        var primary = Assert.Single(l.Network.PrimaryPlugins);
        Assert.Equal("canal", primary.Id);
        Assert.Equal(["canal"], l.Point(NetworkSurface.PodNetworkPoint).Ids());
        var cidr = Assert.Single(l.Network.PodCidrs);
        Assert.Equal(("10.244.0.0/16", 98), (cidr.Cidr, cidr.Location.Line));
    }

    [SkippableFact]
    public void Cilium_is_ebpf_with_network_policy()
    {
        var l = InfrastructureTestLoader.FromCorpus("cni/cilium/quick-install-v1.7.3.yaml");

        var cilium = Assert.Single(l.Network.PrimaryPlugins);
        Assert.Equal(("cilium", true, true), (cilium.Id, cilium.Ebpf, cilium.EnforcesNetworkPolicy));
        Assert.Contains(cilium.Objects, o => o.Kind == "DaemonSet" && o.Name == "cilium");
    }

    [SkippableFact]
    public void Weave_is_recognized_inside_a_kind_list()
    {
        var l = InfrastructureTestLoader.FromCorpus("cni/weave/weave-daemonset-k8s-1.11.yaml");

        var weave = Assert.Single(l.Network.PrimaryPlugins);
        Assert.Equal(("weave", "overlay", true), (weave.Id, weave.DataPlane, weave.EnforcesNetworkPolicy));
        Assert.Contains(weave.Objects, o => o.Kind == "DaemonSet" && o.Name == "weave-net");
    }

    [SkippableFact]
    public void Multus_is_a_meta_plugin_not_a_pod_network()
    {
        var l = InfrastructureTestLoader.FromCorpus("cni/multus/multus-daemonset.yml");

        var multus = Assert.Single(l.Network.Plugins, p => p.Id == "multus");
        Assert.Equal("meta", multus.Role);
        Assert.Empty(l.Network.PrimaryPlugins);
        Assert.DoesNotContain("multus", l.Point(NetworkSurface.PodNetworkPoint).Ids());
    }

    [SkippableFact]
    public void Ovn_kubernetes_is_recognized_from_its_crds()
    {
        var l = InfrastructureTestLoader.FromCorpus("cni/ovn-kubernetes");

        var ovn = Assert.Single(l.Network.PrimaryPlugins);
        Assert.Equal(("ovn-kubernetes", "overlay"), (ovn.Id, ovn.DataPlane));
        Assert.Contains("geneve", ovn.Encapsulation);
        Assert.Equal(8, ovn.Objects.Count); // eight k8s.ovn.org CRD files
    }

    [SkippableFact]
    public void Cri_o_contrib_directory_uses_the_lexicographically_first_file()
    {
        var l = InfrastructureTestLoader.FromCorpus("cni/cri-o-contrib");

        var dir = Assert.Single(l.Network.ConfigDirectories);
        Assert.Equal(["10-crio-bridge.conflist", "11-crio-ipv4-bridge.conflist", "99-loopback.conflist"], dir.Files.Select(f => f.FileName));
        Assert.Equal("10-crio-bridge.conflist", dir.Chosen!.FileName);
        Assert.Equal(["11-crio-ipv4-bridge.conflist", "99-loopback.conflist"], dir.Ignored.Select(f => f.FileName));
        Assert.Equal("bridge", dir.Chosen.MainType);
        Assert.True(dir.Chosen.IsList);
    }

    [SkippableFact]
    public void Flannel_and_cilium_chained_conflist_lists_its_plugins_in_order()
    {
        var l = InfrastructureTestLoader.FromCorpus("cni/cilium/04-flannel-cilium-cni.conflist");

        var file = Assert.Single(l.Network.ConfigFiles);
        Assert.Equal(["flannel", "portmap", "cilium-cni"], file.Plugins.Select(p => p.Type));
        Assert.Equal(["flannel", "cni-plugins", "cilium"], file.Plugins.Select(p => p.ComponentId));
        // Cilium runs in chaining mode behind flannel here: one pod network, not two.
        Assert.Equal("chained", Assert.Single(l.Network.Plugins, p => p.Id == "cilium").Role);
        Assert.Equal(["flannel"], l.Point(NetworkSurface.PodNetworkPoint).Ids());
    }
}
