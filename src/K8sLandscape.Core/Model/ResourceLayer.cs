namespace K8sLandscape.Model;

/// <summary>The four resource layers every kind belongs to.</summary>
public enum ResourceLayer
{
    /// <summary>Not classified (should not happen for built-in kinds).</summary>
    Unknown = 0,

    /// <summary>Network, storage and base platform objects (Node, PersistentVolume, StorageClass, CSIDriver, ...).</summary>
    Resource,

    /// <summary>Controllers, schedulers and priorities (Deployment, DaemonSet, PriorityClass, ...).</summary>
    Scheduling,

    /// <summary>Limits, configuration, identity and routing (ResourceQuota, ConfigMap, ServiceAccount, Service, NetworkPolicy, ...).</summary>
    IsolationAndServiceAccess,

    /// <summary>Application logic, service definitions and lifecycle (Pod templates of apps, Helm releases, operators' custom resources, ...).</summary>
    Application,
}
