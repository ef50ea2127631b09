namespace K8sLandscape.Model.Workloads;

/// <summary>A <c>hostPath</c> volume of a pod template: host-level integration such as <c>/etc/cni/net.d</c>.</summary>
/// <param name="Name">The volume name.</param>
/// <param name="HostPath">The path on the node.</param>
/// <param name="Path">The field path of the volume.</param>
public sealed record HostPathVolume(string Name, string HostPath, string Path);
