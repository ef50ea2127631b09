using K8sLandscape.Analyzers.Rules.Network;
using K8sLandscape.Analyzers.Tests.Verification;
using static K8sLandscape.Analyzers.Tests.Verification.RuleVerifier;

namespace K8sLandscape.Analyzers.Tests.Rules.Network;

public class MultiplePrimaryCniTests
{
    [SkippableFact]
    public void KL2001_fires_on_calico_and_flannel_installed_together()
    {
        var f = Assert.Single(Verify(new MultiplePrimaryCniAnalyzer(), RuleInput.Corpus("cni/calico/calico.yaml", "cni/flannel/kube-flannel.yml"), new ExpectedFinding("KL2001", "calico.yaml", 41)));
        Assert.Equal("KL2001", f.Id);
        // grep -n '^kind: \(ConfigMap\|DaemonSet\)' calico.yaml: 41 (calico-config), 7035 (calico-node); 7375 is the apiVersion line of
        // calico-kube-controllers (kind at 7376); kube-flannel.yml: ConfigMap at 61, DaemonSet from 100.
        Assert.Equal(("calico.yaml", 41), Line(f.Location));
        Assert.Equal([("calico.yaml", 7035), ("calico.yaml", 7375), ("kube-flannel.yml", 61), ("kube-flannel.yml", 100)], Lines(f.RelatedLocations));
        Assert.Equal(
            "2 primary CNI plugins are installed: Calico (ConfigMap kube-system/calico-config; primary as plugin 1 of the conflist in ConfigMap kube-system/calico-config data.cni_network_config, which its agent writes to the nodes) "
            + "and Flannel (ConfigMap kube-flannel/kube-flannel-cfg; primary as plugin 1 of the conflist in ConfigMap kube-flannel/kube-flannel-cfg data.cni-conf.json, which its agent writes to the nodes); each node uses only one of them for pod networking",
            f.Message);
    }

    [SkippableFact]
    public void KL2001_fires_on_kube_router_whose_agent_writes_a_bridge_conflist_beside_flannel()
    {
        // installs/README.md: kube-router writes 10-kuberouter.conflist (led by the reference `bridge` plugin), flannel 10-flannel.conflist.
        var f = Assert.Single(Run(new MultiplePrimaryCniAnalyzer(), LandscapeOf(RuleInput.Corpus("installs/kube-router", "cni/flannel/kube-flannel.yml"))));
        Assert.Contains("kube-router (DaemonSet kube-system/kube-router; primary as its DaemonSet kube-system/kube-router writes the conflist in ConfigMap kube-system/kube-router-cfg", f.Message, StringComparison.Ordinal);
        Assert.Contains("Flannel (ConfigMap kube-flannel/kube-flannel-cfg;", f.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void KL2001_is_quiet_on_each_CNI_installed_alone()
    {
        // containernetworking-plugins: libcni loads a plain bridge sample there; the reference plugins own no pod network.
        foreach (var single in new[] { "installs/kube-router", "cni/flannel/kube-flannel.yml", "cni/calico/calico.yaml", "cni/cilium/quick-install-v1.7.3.yaml", "cni/multus/multus-daemonset.yml", "cni/containernetworking-plugins" })
        {
            Assert.Empty(Verify(new MultiplePrimaryCniAnalyzer(), RuleInput.Corpus(single)));
        }
    }

    [SkippableFact]
    public void KL2001_is_quiet_on_canal_on_cilium_chained_behind_flannel_and_on_multus_over_flannel()
    {
        Assert.Empty(Verify(new MultiplePrimaryCniAnalyzer(), RuleInput.Corpus("cni/calico/canal.yaml")));
        Assert.Empty(Verify(new MultiplePrimaryCniAnalyzer(), RuleInput.Corpus("cni/cilium/04-flannel-cilium-cni.conflist", "cni/flannel/kube-flannel.yml")));
        Assert.Empty(Verify(new MultiplePrimaryCniAnalyzer(), RuleInput.Corpus("cni/multus/multus-daemonset.yml", "cni/flannel/kube-flannel.yml")));
    }

    [Fact]
    public void KL2001_fires_on_the_sample_clusters_two_CNIs()
    {
        var f = Assert.Single(Verify(new MultiplePrimaryCniAnalyzer(), RuleInput.Sample(), new ExpectedFinding("KL2001", "10-calico.conflist", 1)));
        // samples/README.md conflict 1: calico first by path (etc-cni-net.d/10-calico.conflist:1); calico-node (network.yaml:2), flannel's conflist and DaemonSet (network.yaml:36).
        Assert.Equal(("10-calico.conflist", 1), Line(f.Location));
        Assert.Equal([("10-flannel.conflist", 1), ("network.yaml", 2), ("network.yaml", 36)], Lines(f.RelatedLocations));
        Assert.Contains("Calico", f.Message, StringComparison.Ordinal);
        Assert.Contains("Flannel", f.Message, StringComparison.Ordinal);
    }
}

public class UnenforcedNetworkPolicyTests
{
    private const string Policy = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: default-deny, namespace: shop }
        spec:
          podSelector: {}
          policyTypes: [Ingress]
        """;

    [SkippableFact]
    public void KL2002_fires_for_a_NetworkPolicy_on_a_flannel_only_cluster()
    {
        var f = Assert.Single(Verify(new UnenforcedNetworkPolicyAnalyzer(), RuleInput.Corpus("cni/flannel/kube-flannel.yml").AndFile("policy.yaml", Policy), new ExpectedFinding("KL2002", "policy.yaml", 1)));
        Assert.Equal("KL2002", f.Id);
        Assert.Equal(("policy.yaml", 1), Line(f.Location));
        Assert.Equal([("kube-flannel.yml", 61), ("kube-flannel.yml", 100)], Lines(f.RelatedLocations));
        Assert.Equal("1 NetworkPolicy object(s) ('shop/default-deny') restrict nothing: the installed CNI plugin(s) 'Flannel' do not enforce NetworkPolicy", f.Message);
    }

    [SkippableFact]
    public void KL2002_is_quiet_when_calico_enforces_or_no_CNI_is_known()
    {
        // Calico's API server manifest ships a NetworkPolicy (line 16) and Calico enforces it.
        Assert.Empty(Verify(new UnenforcedNetworkPolicyAnalyzer(), RuleInput.Corpus("cni/calico/apiserver.yaml")));
        // Cilium chained behind Flannel enforces policy.
        Assert.Empty(Verify(new UnenforcedNetworkPolicyAnalyzer(), RuleInput.Corpus("cni/cilium/04-flannel-cilium-cni.conflist", "cni/flannel/kube-flannel.yml").AndFile("policy.yaml", Policy)));
        Assert.Empty(Verify(new UnenforcedNetworkPolicyAnalyzer(), RuleInput.Yaml(Policy, "policy.yaml")));
        Assert.Empty(Verify(new UnenforcedNetworkPolicyAnalyzer(), RuleInput.Sample()));
    }
}

public class OverlappingPodCidrTests
{
    private const string CalicoPool = """
        apiVersion: crd.projectcalico.org/v1
        kind: IPPool
        metadata: { name: default-ipv4-ippool }
        spec:
          cidr: 10.244.128.0/17
          ipipMode: Always
        """;

    private const string Kubeadm = """
        apiVersion: v1
        kind: ConfigMap
        metadata: { name: kubeadm-config, namespace: kube-system }
        data:
          ClusterConfiguration: |
            apiVersion: kubeadm.k8s.io/v1beta3
            kind: ClusterConfiguration
            networking:
              podSubnet: {0}
        """;

    [SkippableFact]
    public void KL2003_fires_when_a_calico_pool_lies_inside_flannels_network()
    {
        var f = Assert.Single(Verify(new OverlappingPodCidrAnalyzer(), RuleInput.Corpus("cni/flannel/kube-flannel.yml").AndFile("calico-pool.yaml", CalicoPool), new ExpectedFinding("KL2003", "kube-flannel.yml", 91)));
        Assert.Equal("KL2003", f.Id);
        // grep -n 'net-conf.json' kube-flannel.yml: 91; the corpus's absolute path sorts before the fixture's relative one.
        Assert.Equal(("kube-flannel.yml", 91), Line(f.Location));
        Assert.Equal([("calico-pool.yaml", 5)], Lines(f.RelatedLocations));
        Assert.Equal("Pod CIDRs overlap: 10.244.0.0/16 (flannel net-conf.json, ConfigMap kube-flannel/kube-flannel-cfg) and 10.244.128.0/17 (calico IPPool, IPPool default-ipv4-ippool); 'calico' and 'flannel' would hand out the same pod addresses", f.Message);
    }

    [SkippableFact]
    public void KL2003_fires_when_flannels_network_reaches_beyond_the_cluster_pod_CIDR()
    {
        var f = Assert.Single(Verify(new OverlappingPodCidrAnalyzer(), RuleInput.Corpus("cni/flannel/kube-flannel.yml").AndFile("kubeadm.yaml", Kubeadm.Replace("{0}", "10.244.0.0/17", StringComparison.Ordinal)), new ExpectedFinding("KL2003", "kube-flannel.yml", 91)));
        Assert.Equal(("kube-flannel.yml", 91), Line(f.Location));
        Assert.Equal([("kubeadm.yaml", 5)], Lines(f.RelatedLocations));
        Assert.EndsWith("'flannel' allocates addresses outside the cluster's pod CIDR, which kube-proxy treats as external", f.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void KL2003_is_quiet_on_canal_and_on_flannel_matching_the_cluster_pod_CIDR()
    {
        Assert.Empty(Verify(new OverlappingPodCidrAnalyzer(), RuleInput.Corpus("cni/calico/canal.yaml")));
        Assert.Empty(Verify(new OverlappingPodCidrAnalyzer(), RuleInput.Corpus("cni/flannel/kube-flannel.yml").AndFile("kubeadm.yaml", Kubeadm.Replace("{0}", "10.244.0.0/16", StringComparison.Ordinal))));
        Assert.Empty(Verify(new OverlappingPodCidrAnalyzer(), RuleInput.Corpus("cni/flannel/kube-flannel.yml", "cni/calico/custom-resources.yaml")));
    }
}

public class ShadowedCniConfigTests
{
    [SkippableFact]
    public void KL2004_fires_on_cri_o_contrib_where_10_crio_bridge_sorts_first()
    {
        var f = Assert.Single(Verify(new ShadowedCniConfigAnalyzer(), RuleInput.Corpus("cni/cri-o-contrib"), new ExpectedFinding("KL2004", "10-crio-bridge.conflist", 1)));

        Assert.Equal("KL2004", f.Id);
        Assert.Equal(("10-crio-bridge.conflist", 1), Line(f.Location));
        Assert.Equal([("11-crio-ipv4-bridge.conflist", 1), ("99-loopback.conflist", 1)], Lines(f.RelatedLocations));
        Assert.Contains("the runtime loads '10-crio-bridge.conflist' (network 'crio', plugins 'bridge') and ignores '11-crio-ipv4-bridge.conflist' (network 'crio', plugins 'bridge') and '99-loopback.conflist' (network 'loopback', plugins 'loopback')", f.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void KL2004_is_quiet_for_a_directory_with_one_configuration()
    {
        Assert.Empty(Verify(new ShadowedCniConfigAnalyzer(), RuleInput.Corpus("cni/calico/cni-conf/calico-go-with-host-local.json", "cni/cri-o-contrib/10-crio-bridge.conflist")));
    }

    [Fact]
    public void KL2004_fires_on_the_sample_clusters_calico_and_flannel_conflists()
    {
        var f = Assert.Single(Verify(new ShadowedCniConfigAnalyzer(), RuleInput.Sample(), new ExpectedFinding("KL2004", "10-calico.conflist", 1)));
        Assert.Equal(("10-calico.conflist", 1), Line(f.Location));
        Assert.Equal([("10-flannel.conflist", 1)], Lines(f.RelatedLocations));
        Assert.Contains("loads '10-calico.conflist'", f.Message, StringComparison.Ordinal);
    }
}

public class CniConfigVersionTests
{
    private const string Conflist = """
        {
          "cniVersion": "0.5.0", #! KL2005
          "name": "k8s-pod-network",
          "plugins": [
            { "type": "calico" },
            { "type": "portmap", "capabilities": { "portMappings": true } },
            { "type": "portmap", "capabilities": { "portMappings": true } } #! KL2005
          ]
        }
        """;

    [Fact]
    public void KL2005_fires_on_an_undefined_cniVersion_and_on_portmap_chained_twice()
    {
        var findings = Verify(new CniConfigVersionAnalyzer(), RuleInput.Yaml(Conflist, "net.d/10-calico.conflist"));

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("KL2005", f.Id));
        var version = Assert.Single(findings, f => f.Message.Contains("cniVersion '0.5.0'", StringComparison.Ordinal));
        Assert.Equal(("10-calico.conflist", 2), Line(version.Location));
        var twice = Assert.Single(findings, f => f.Message.Contains("twice", StringComparison.Ordinal));
        Assert.Equal(("10-calico.conflist", 7), Line(twice.Location));
        Assert.Equal([("10-calico.conflist", 6)], Lines(twice.RelatedLocations));
        Assert.Equal("CNI configuration '10-calico.conflist' (network 'k8s-pod-network') chains plugin type 'portmap' twice (plugins[1] and plugins[2])", twice.Message);
    }

    [SkippableFact]
    public void KL2005_is_quiet_on_every_CNI_configuration_of_the_corpus()
    {
        Assert.Empty(Verify(new CniConfigVersionAnalyzer(), RuleInput.Corpus("cni")));
    }
}
