using K8sLandscape.Loading;

namespace K8sLandscape.Model.Network;

/// <summary>One piece of the cluster's configuration that says what role a CNI plugin plays on the nodes.</summary>
/// <param name="Role">The role it implies: <c>primary</c> (owns pod networking), <c>chained</c> (adds to another plugin's pod network, including policy-only modes) or <c>meta</c> (delegates, as Multus does).</param>
/// <param name="Reason">What was found, e.g. <c>plugin 2 of the conflist in ConfigMap kube-system/kube-flannel-cfg data.cni-conf.json</c>.</param>
/// <param name="Object">The object that carries it.</param>
/// <param name="Path">The field path in that object, or null for a whole configuration file.</param>
public sealed record CniRoleEvidence(string Role, string Reason, KubeObject Object, string? Path);
