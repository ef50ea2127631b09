namespace K8sLandscape.Model;

/// <summary>The extension areas, along the two axes: infrastructure and application management.</summary>
public static class LandscapeAreas
{
    /// <summary>Container runtimes (CRI), runtime handlers and RuntimeClasses.</summary>
    public const string Runtime = "runtime";

    /// <summary>Network plugins (CNI).</summary>
    public const string Network = "network";

    /// <summary>Storage drivers (CSI), StorageClasses and snapshots.</summary>
    public const string Storage = "storage";

    /// <summary>Device plugins and DRA.</summary>
    public const string Devices = "devices";

    /// <summary>CRDs and aggregated APIs.</summary>
    public const string Api = "api";

    /// <summary>Admission webhooks and policies.</summary>
    public const string Admission = "admission";

    /// <summary>Helm, operators, OLM, OAM/KubeVela.</summary>
    public const string Lifecycle = "lifecycle";

    /// <summary>The infrastructure axis, in display order.</summary>
    public static IReadOnlyList<string> Infrastructure { get; } = [Runtime, Network, Storage, Devices];

    /// <summary>The application-management axis, in display order.</summary>
    public static IReadOnlyList<string> ApplicationManagement { get; } = [Api, Admission, Lifecycle];

    /// <summary>All areas, in display order.</summary>
    public static IReadOnlyList<string> All { get; } = [Runtime, Network, Storage, Devices, Api, Admission, Lifecycle];
}
