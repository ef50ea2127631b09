using System.Text.Json;
using K8sLandscape.Loading;

namespace K8sLandscape.Model.Storage;

/// <summary>
/// The storage extension surface: drivers and provisioners with their known capabilities,
/// StorageClasses, VolumeSnapshotClasses and PersistentVolumeClaims.
/// </summary>
public sealed class StorageSurface
{
    /// <summary>The GA default StorageClass annotation.</summary>
    public const string DefaultClassAnnotation = "storageclass.kubernetes.io/is-default-class";

    /// <summary>The beta default StorageClass annotation, still honoured by the admission plugin.</summary>
    public const string BetaDefaultClassAnnotation = "storageclass.beta.kubernetes.io/is-default-class";

    /// <summary>The default VolumeSnapshotClass annotation (one default per driver).</summary>
    public const string DefaultSnapshotClassAnnotation = "snapshot.storage.kubernetes.io/is-default-class";

    /// <summary>The extension point of storage drivers: several are normal.</summary>
    public const string CsiDriversPoint = "csi-drivers";

    /// <summary>The extension point of the default StorageClass: one is expected.</summary>
    public const string DefaultStorageClassPoint = "default-storage-class";

    /// <summary>The prefix of the per-driver default snapshot class points (<c>default-snapshot-class/&lt;driver&gt;</c>).</summary>
    public const string DefaultSnapshotClassPointPrefix = "default-snapshot-class/";

    /// <summary>Host paths whose use marks a workload as a kubelet plugin (CSI node plugins, DRA kubelet plugins).</summary>
    public static IReadOnlyList<string> PluginHostPaths { get; } = ["/var/lib/kubelet/plugins_registry"];

    internal StorageSurface()
    {
    }

    /// <summary>Drivers and provisioners, sorted by name.</summary>
    public IReadOnlyList<StorageDriver> Drivers { get; internal init; } = [];

    /// <summary>StorageClasses, sorted by name.</summary>
    public IReadOnlyList<StorageClassInfo> StorageClasses { get; internal init; } = [];

    /// <summary>StorageClasses annotated default, sorted by name (more than one is a conflict).</summary>
    public IReadOnlyList<StorageClassInfo> DefaultStorageClasses => StorageClasses.Where(c => c.IsDefault).ToArray();

    /// <summary>VolumeSnapshotClasses, sorted by name.</summary>
    public IReadOnlyList<SnapshotClassInfo> SnapshotClasses { get; internal init; } = [];

    /// <summary>PersistentVolumeClaims, in input order.</summary>
    public IReadOnlyList<ClaimInfo> Claims { get; internal init; } = [];

    /// <summary>The extension points of this area.</summary>
    public IReadOnlyList<ExtensionPoint> ExtensionPoints { get; internal init; } = [];

    /// <summary>The driver with this name, or null.</summary>
    public StorageDriver? Driver(string name) => Drivers.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));
}
