namespace K8sLandscape.Model.Lifecycle;

/// <summary>The status of one Helm release revision (Helm's <c>release.Status</c>).</summary>
public enum HelmReleaseStatus
{
    /// <summary><c>unknown</c>: in an uncertain state.</summary>
    Unknown,

    /// <summary><c>deployed</c>: the revision in use.</summary>
    Deployed,

    /// <summary><c>uninstalled</c>: uninstalled with its history kept.</summary>
    Uninstalled,

    /// <summary><c>superseded</c>: replaced by a newer revision.</summary>
    Superseded,

    /// <summary><c>failed</c>: the install, upgrade or rollback failed.</summary>
    Failed,

    /// <summary><c>uninstalling</c>: an uninstall is in progress.</summary>
    Uninstalling,

    /// <summary><c>pending-install</c>: an install is in progress.</summary>
    PendingInstall,

    /// <summary><c>pending-upgrade</c>: an upgrade is in progress.</summary>
    PendingUpgrade,

    /// <summary><c>pending-rollback</c>: a rollback is in progress.</summary>
    PendingRollback,
}
