using K8sLandscape.Loading;

namespace K8sLandscape.Model.Storage;

/// <summary>A storage driver or provisioner named by a CSIDriver, StorageClass or VolumeSnapshotClass.</summary>
/// <param name="Name">The driver or provisioner name, e.g. <c>ebs.csi.aws.com</c>, <c>kubernetes.io/aws-ebs</c>.</param>
/// <param name="ComponentId">The catalog component, or null when unknown.</param>
/// <param name="IsInTree">True for a provisioner built into Kubernetes (<c>kubernetes.io/...</c>).</param>
/// <param name="MigrationTarget">For an in-tree provisioner, the CSI driver CSI migration hands it to; otherwise null.</param>
/// <param name="Capabilities">What the catalog knows about it (access modes, expansion, snapshots, topology, category).</param>
/// <param name="CsiDriver">The CSIDriver object registering it, or null.</param>
/// <param name="Objects">Every object naming it, in location order.</param>
public sealed record StorageDriver(
    string Name,
    string? ComponentId,
    bool IsInTree,
    string? MigrationTarget,
    ComponentCapabilities Capabilities,
    KubeObject? CsiDriver,
    IReadOnlyList<KubeObject> Objects);
