namespace K8sLandscape.Analyzers;

/// <summary>
/// The area a rule belongs to. For built-in rules the value is the thousands digit of the id
/// (<c>KL3001</c> is <see cref="Storage"/>), so a rule's area can be read from its id.
/// </summary>
public enum RuleCategory
{
    /// <summary>The engine and the loader (KL0xxx).</summary>
    Engine = 0,

    /// <summary>Container runtimes, CRI and RuntimeClasses (KL1xxx).</summary>
    Runtime = 1,

    /// <summary>Network plugins, CNI (KL2xxx).</summary>
    Network = 2,

    /// <summary>Storage: CSI drivers, StorageClasses, snapshots (KL3xxx).</summary>
    Storage = 3,

    /// <summary>Device plugins and DRA (KL4xxx).</summary>
    Devices = 4,

    /// <summary>API extensions: CRDs and aggregated APIServices (KL5xxx).</summary>
    Api = 5,

    /// <summary>Admission webhooks and policies (KL6xxx).</summary>
    Admission = 6,

    /// <summary>Lifecycle managers: Helm, operators, OLM, OAM/KubeVela (KL7xxx).</summary>
    Lifecycle = 7,

    /// <summary>Resource layers and cross-cutting concerns: ingress, scheduling, mesh (KL8xxx).</summary>
    Layers = 8,
}
