namespace K8sLandscape.Model.Storage;

/// <summary>
/// The Container Storage Interface as data: its three services with their RPCs and capabilities
/// (CSI spec 1.x, <c>csi.proto</c>), and the PVC → PV → bind → attach → mount lifecycle as a state model.
/// </summary>
public static class CsiInterface
{
    /// <summary>The Identity service: every plugin process serves it.</summary>
    public static CsiService Identity { get; } = new(
        "Identity",
        ["GetPluginInfo", "GetPluginCapabilities", "Probe"],
        ["CONTROLLER_SERVICE", "VOLUME_ACCESSIBILITY_CONSTRAINTS", "GROUP_CONTROLLER_SERVICE", "SNAPSHOT_METADATA_SERVICE", "ONLINE (expansion)", "OFFLINE (expansion)"],
        "controller and node plugins");

    /// <summary>The Controller service: volume and snapshot management, beside the external-* sidecars.</summary>
    public static CsiService Controller { get; } = new(
        "Controller",
        ["CreateVolume", "DeleteVolume", "ControllerPublishVolume", "ControllerUnpublishVolume", "ValidateVolumeCapabilities",
         "ListVolumes", "GetCapacity", "ControllerGetCapabilities", "CreateSnapshot", "DeleteSnapshot", "ListSnapshots",
         "ControllerExpandVolume", "ControllerGetVolume", "ControllerModifyVolume"],
        ["CREATE_DELETE_VOLUME", "PUBLISH_UNPUBLISH_VOLUME", "LIST_VOLUMES", "GET_CAPACITY", "CREATE_DELETE_SNAPSHOT", "LIST_SNAPSHOTS",
         "CLONE_VOLUME", "PUBLISH_READONLY", "EXPAND_VOLUME", "LIST_VOLUMES_PUBLISHED_NODES", "VOLUME_CONDITION", "GET_VOLUME",
         "SINGLE_NODE_MULTI_WRITER", "MODIFY_VOLUME"],
        "a Deployment or StatefulSet with csi-provisioner, csi-attacher, csi-resizer and csi-snapshotter sidecars");

    /// <summary>The Node service: staging and mounting on each node, registered with the kubelet by node-driver-registrar.</summary>
    public static CsiService Node { get; } = new(
        "Node",
        ["NodeStageVolume", "NodeUnstageVolume", "NodePublishVolume", "NodeUnpublishVolume", "NodeGetVolumeStats", "NodeExpandVolume",
         "NodeGetCapabilities", "NodeGetInfo"],
        ["STAGE_UNSTAGE_VOLUME", "GET_VOLUME_STATS", "EXPAND_VOLUME", "VOLUME_CONDITION", "SINGLE_NODE_MULTI_WRITER", "VOLUME_MOUNT_GROUP"],
        "a DaemonSet with the node-driver-registrar sidecar (socket under /var/lib/kubelet/plugins_registry)");

    /// <summary>The three services.</summary>
    public static IReadOnlyList<CsiService> Services { get; } = [Identity, Controller, Node];

    /// <summary>The allowed transitions of a dynamically provisioned volume, and who performs each.</summary>
    public static IReadOnlyList<VolumeTransition> Lifecycle { get; } =
    [
        new(VolumeState.ClaimPending, VolumeState.Provisioned, "CreateVolume; create PersistentVolume", "external-provisioner sidecar"),
        new(VolumeState.Provisioned, VolumeState.Bound, "bind PV and PVC (claimRef, volumeName)", "PV controller (kube-controller-manager)"),
        new(VolumeState.Bound, VolumeState.Attached, "create VolumeAttachment; ControllerPublishVolume", "attach/detach controller and external-attacher sidecar"),
        new(VolumeState.Attached, VolumeState.Staged, "NodeStageVolume", "kubelet"),
        new(VolumeState.Staged, VolumeState.Mounted, "NodePublishVolume", "kubelet"),
        new(VolumeState.Mounted, VolumeState.Staged, "NodeUnpublishVolume", "kubelet"),
        new(VolumeState.Staged, VolumeState.Attached, "NodeUnstageVolume", "kubelet"),
        new(VolumeState.Attached, VolumeState.Bound, "ControllerUnpublishVolume; delete VolumeAttachment", "attach/detach controller and external-attacher sidecar"),
        new(VolumeState.Bound, VolumeState.Released, "PVC deleted", "PV controller (kube-controller-manager)"),
        new(VolumeState.Released, VolumeState.Deleted, "DeleteVolume; delete PersistentVolume (reclaimPolicy Delete)", "external-provisioner sidecar"),
    ];

    /// <summary>True when the lifecycle allows going from <paramref name="from"/> to <paramref name="to"/> in one step.</summary>
    public static bool CanTransition(VolumeState from, VolumeState to) => Lifecycle.Any(t => t.From == from && t.To == to);
}
