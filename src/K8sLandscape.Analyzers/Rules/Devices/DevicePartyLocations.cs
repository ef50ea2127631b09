using K8sLandscape.Loading;
using K8sLandscape.Model.Devices;

namespace K8sLandscape.Analyzers.Rules.Devices;

/// <summary>Where a provider of an extended resource is written, for conflict findings.</summary>
internal static class DevicePartyLocations
{
    /// <summary>The objects that install a device plugin; a CRD alone installs nothing, so it is shown only when nothing else is there.</summary>
    public static IReadOnlyList<KubeObject> InstallObjects(DevicePluginInfo plugin)
    {
        var objects = plugin.Objects.Where(o => o.Kind != "CustomResourceDefinition").OrderBy(o => o.Location).ToArray();
        return objects.Length > 0 ? objects : plugin.Objects.OrderBy(o => o.Location).ToArray();
    }
}
