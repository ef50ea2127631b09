using K8sLandscape.Core.Tests.Model.Runtime;
using K8sLandscape.Model.Network;

namespace K8sLandscape.Core.Tests.Model.Network;

public class NetworkFixtureTests
{
    [Fact]
    public void Pod_cidrs_are_read_from_calico_cilium_and_kubeadm()
    {
        var l = InfrastructureTestLoader.FromJson(
            """{"apiVersion":"crd.projectcalico.org/v1","kind":"IPPool","metadata":{"name":"default-ipv4-ippool"},"spec":{"cidr":"192.168.0.0/16","ipipMode":"Always"}}""",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cilium-config","namespace":"kube-system"},"data":{"cluster-pool-ipv4-cidr":"10.0.0.0/8 10.200.0.0/16"}}""",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"kubeadm-config","namespace":"kube-system"},"data":{"ClusterConfiguration":"apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  dnsDomain: cluster.local\n  podSubnet: 10.244.0.0/16\n  serviceSubnet: 10.96.0.0/12\n"}}""",
            """{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"calico-node","namespace":"kube-system"},"spec":{"template":{"spec":{"containers":[{"name":"calico-node","image":"calico/node:v3.27.0","env":[{"name":"CALICO_IPV4POOL_CIDR","value":"172.16.0.0/16"}]}]}}}}""");

        var bySource = l.Network.PodCidrs.Select(c => (c.Source, c.Cidr)).Order().ToArray();
        Assert.Equal(
        [
            ("calico IPPool", "192.168.0.0/16"),
            ("calico env CALICO_IPV4POOL_CIDR", "172.16.0.0/16"),
            ("cilium-config cluster-pool-ipv4-cidr", "10.0.0.0/8"),
            ("cilium-config cluster-pool-ipv4-cidr", "10.200.0.0/16"),
            ("kubeadm podSubnet", "10.244.0.0/16"),
        ], bySource);
    }

    [Fact]
    public void Libcni_picks_the_lexicographically_first_config_file()
    {
        var choice = CniInterface.ChooseConfig(["99-loopback.conf", "10-flannel.conflist", "10-crio-bridge.conflist", "README.md", "87-podman.json"]);

        // Byte order: "10-c" < "10-f"; README.md has no CNI extension and is not a candidate.
        Assert.Equal("10-crio-bridge.conflist", choice.Chosen);
        Assert.Equal(["10-flannel.conflist", "87-podman.json", "99-loopback.conf"], choice.Ignored);
        Assert.Null(CniInterface.ChooseConfig(["notes.txt"]).Chosen);
    }

    [Fact]
    public void Cni_operations_grow_with_spec_versions()
    {
        Assert.Equal(["ADD", "DEL"], CniInterface.OperationsOf("0.1.0"));
        Assert.Equal(["ADD", "DEL", "VERSION"], CniInterface.OperationsOf("0.3.1"));
        Assert.Equal(["ADD", "DEL", "VERSION", "CHECK"], CniInterface.OperationsOf("1.0.0"));
        Assert.Equal(["ADD", "DEL", "VERSION", "CHECK", "GC", "STATUS"], CniInterface.OperationsOf("1.1.0"));
        Assert.Empty(CniInterface.OperationsOf("2.0.0"));
    }

    [Fact]
    public void Unknown_daemonset_writing_cni_config_is_an_unrecognized_pod_network_implementation()
    {
        var l = InfrastructureTestLoader.FromJson(
            """{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"homegrown-cni","namespace":"net"},"spec":{"template":{"spec":{"containers":[{"name":"agent","image":"example.com/net/agent:1"}],"volumes":[{"name":"cni","hostPath":{"path":"/etc/cni/net.d/"}}]}}}}""");

        var impl = Assert.Single(l.Point(NetworkSurface.PodNetworkPoint).Implementations);
        Assert.Equal(("workload:DaemonSet/net/homegrown-cni", false), (impl.Id, impl.Recognized));
    }
}
