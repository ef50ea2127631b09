namespace K8sLandscape.Model.Storage;

/// <summary>States of a dynamically provisioned CSI volume, from claim to mount and back.</summary>
public enum VolumeState
{
    /// <summary>A PVC exists and waits for a volume.</summary>
    ClaimPending = 0,

    /// <summary>The driver created the volume and the provisioner created its PersistentVolume.</summary>
    Provisioned,

    /// <summary>PV and PVC are bound to each other.</summary>
    Bound,

    /// <summary>The volume is attached to the node (VolumeAttachment, <c>ControllerPublishVolume</c>).</summary>
    Attached,

    /// <summary>The volume is staged at a global mount point on the node (<c>NodeStageVolume</c>).</summary>
    Staged,

    /// <summary>The volume is mounted into the pod's directory (<c>NodePublishVolume</c>).</summary>
    Mounted,

    /// <summary>The claim was deleted; the PV is released.</summary>
    Released,

    /// <summary>The volume and its PV are deleted (reclaim policy Delete).</summary>
    Deleted,
}
