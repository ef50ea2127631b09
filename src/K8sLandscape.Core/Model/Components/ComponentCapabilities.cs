namespace K8sLandscape.Model;

/// <summary>
/// What a component is known to do, as far as conflicts and compatibility are concerned. Every
/// property is optional: null or empty means "not known", never "no".
/// </summary>
public sealed record ComponentCapabilities
{
    /// <summary>CNI role: <c>primary</c> (owns pod networking), <c>chained</c> (adds to a primary) or <c>meta</c> (delegates, like multus).</summary>
    public string? CniRole { get; init; }

    /// <summary>Whether the component enforces Kubernetes NetworkPolicy.</summary>
    public bool? NetworkPolicy { get; init; }

    /// <summary>Data-plane mode: <c>overlay</c>, <c>routed</c> or <c>underlay</c>.</summary>
    public string? DataPlane { get; init; }

    /// <summary>Encapsulations or routing methods it can use: <c>vxlan</c>, <c>udp</c>, <c>ipip</c>, <c>geneve</c>, <c>bgp</c>, <c>host-gw</c>, <c>macvlan</c>, <c>ipvlan</c>, <c>sriov</c>.</summary>
    public IReadOnlyList<string> Encapsulation { get; init; } = [];

    /// <summary>Whether the data plane is eBPF.</summary>
    public bool? Ebpf { get; init; }

    /// <summary>Volume access modes a storage driver supports: <c>ReadWriteOnce</c>, <c>ReadOnlyMany</c>, <c>ReadWriteMany</c>, <c>ReadWriteOncePod</c>.</summary>
    public IReadOnlyList<string> AccessModes { get; init; } = [];

    /// <summary>Whether a storage driver can expand volumes.</summary>
    public bool? VolumeExpansion { get; init; }

    /// <summary>Whether a storage driver supports snapshots.</summary>
    public bool? Snapshots { get; init; }

    /// <summary>Whether a storage driver reports topology (zones, nodes).</summary>
    public bool? Topology { get; init; }

    /// <summary>Storage category: <c>distributed-block</c>, <c>distributed-file</c>, <c>local-disk</c>, <c>nas</c>, <c>cloud-block</c>, <c>cloud-file</c>, <c>object</c>.</summary>
    public string? StorageCategory { get; init; }

    /// <summary>The in-tree provisioner this CSI driver replaces under CSI migration, e.g. <c>kubernetes.io/aws-ebs</c>.</summary>
    public string? MigratesInTreeProvisioner { get; init; }

    /// <summary>Isolation of a runtime handler: <c>shared-kernel</c>, <c>vm-sandbox</c> or <c>user-space-kernel</c>.</summary>
    public string? Isolation { get; init; }

    /// <summary>CRI API versions a runtime engine speaks: <c>v1alpha2</c>, <c>v1</c>.</summary>
    public IReadOnlyList<string> CriVersions { get; init; } = [];

    /// <summary>Operator capability level, 1 (basic install) to 5 (auto pilot).</summary>
    public int? OperatorCapabilityLevel { get; init; }

    /// <summary>Namespace label or annotation a service mesh uses to enable sidecar injection, e.g. <c>istio-injection=enabled</c>.</summary>
    public IReadOnlyList<string> InjectionSelectors { get; init; } = [];

    /// <summary>Anything else worth recording, by name.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();
}
