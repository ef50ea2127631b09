using K8sLandscape.Loading;

namespace K8sLandscape.Model.Network;

/// <summary>A pod address range declared somewhere in the cluster's configuration.</summary>
/// <param name="Cidr">The range, e.g. <c>10.244.0.0/16</c>.</param>
/// <param name="Source">Where it is declared: <c>flannel net-conf.json</c>, <c>calico IPPool</c>, <c>calico env CALICO_IPV4POOL_CIDR</c>, <c>calico Installation</c>, <c>cilium-config cluster-pool-ipv4-cidr</c>, <c>kubeadm podSubnet</c>.</param>
/// <param name="Object">The object declaring it.</param>
/// <param name="Location">Where the value is written.</param>
public sealed record PodCidr(string Cidr, string Source, KubeObject Object, SourceSpan Location);
