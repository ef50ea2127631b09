using System.Text.Json;
using System.Text.RegularExpressions;
using K8sLandscape.Loading;
using K8sLandscape.Model.Workloads;

namespace K8sLandscape.Model.Devices;

/// <summary>
/// The devices extension surface: device plugins and the extended resources they register, nodes
/// advertising them, containers requesting them, and DRA drivers, classes, slices and claims.
/// </summary>
public sealed partial class DeviceSurface
{
    /// <summary>The extension point listing every device plugin (recognized or found by its host path).</summary>
    public const string DevicePluginsPoint = "device-plugins";

    /// <summary>The extension point listing every DRA driver.</summary>
    public const string DraDriversPoint = "dra-drivers";

    /// <summary>Host paths whose use marks a workload as a device plugin.</summary>
    public static IReadOnlyList<string> DevicePluginHostPaths { get; } = [DevicePluginInterface.SocketDirectory];

    internal DeviceSurface()
    {
    }

    /// <summary>Device plugin installations, sorted by id.</summary>
    public IReadOnlyList<DevicePluginInfo> DevicePlugins { get; internal init; } = [];

    /// <summary>Extended resources provided, advertised or requested, sorted by name.</summary>
    public IReadOnlyList<ExtendedResource> ExtendedResources { get; internal init; } = [];

    /// <summary>DRA DeviceClasses, sorted by name.</summary>
    public IReadOnlyList<DeviceClassInfo> DeviceClasses { get; internal init; } = [];

    /// <summary>DRA ResourceSlices, in input order.</summary>
    public IReadOnlyList<ResourceSliceInfo> ResourceSlices { get; internal init; } = [];

    /// <summary>DRA ResourceClaims and ResourceClaimTemplates, in input order.</summary>
    public IReadOnlyList<ResourceClaimInfo> ResourceClaims { get; internal init; } = [];

    /// <summary>DRA driver names seen in slices, classes and claims, sorted.</summary>
    public IReadOnlyList<string> DraDrivers { get; internal init; } = [];

    /// <summary>The extension points of this area: one per extended resource (one provider expected), plus device plugins and DRA drivers.</summary>
    public IReadOnlyList<ExtensionPoint> ExtensionPoints { get; internal init; } = [];

    /// <summary>The extended resource with this name, or null.</summary>
    public ExtendedResource? Resource(string name) => ExtendedResources.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));
}
