using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Rules.Devices;

/// <summary>KL4002: a device plugin and a DRA DeviceClass both provide one extended resource.</summary>
internal sealed class DevicePluginAndDraResourceAnalyzer : LandscapeAnalyzer
{
    private const string DeviceClassPrefix = "deviceclass:";

    public static RuleDescriptor Descriptor { get; } = new(
        "KL4002",
        "A device plugin and a DRA DeviceClass claim the same extended resource",
        "Extended resource '{0}' is provided both by device plugin(s) {1} and by DRA DeviceClass(es) {2}",
        RuleCategory.Devices,
        DiagnosticSeverity.Error,
        """
        Dynamic Resource Allocation can serve classic extended-resource requests: a DeviceClass with
        `spec.extendedResourceName` (KEP-5004, "DRA: extended resource requests via DRA") lets a pod asking
        for `resources.limits: {example.com/gpu: 1}` get a device through a ResourceClaim the scheduler
        creates. The scheduler decides per node: where a device plugin advertises the name in the Node's
        `status.allocatable`, the request is satisfied by the device plugin; elsewhere by DRA. When both
        manage the same hardware, neither sees the other's allocations: the device plugin's count and the
        DRA driver's ResourceSlices describe the same GPUs, so one device can be handed to two pods, and
        the same pod spec gets a device-plugin device on one node and a DRA device (with a different
        driver, configuration and device naming) on another.

        The finding reports at the first party by location and lists the device plugins' objects and the
        DeviceClasses (at `spec.extendedResourceName`).
        """,
        """
        Provide each resource name through one mechanism: remove `extendedResourceName` from the DeviceClass
        (pods then ask for devices through ResourceClaims), or retire the device plugin on nodes where the
        DRA driver runs.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var devices = context.Landscape.Devices;
        var plugins = devices.DevicePlugins.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var classes = devices.DeviceClasses.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var resource in devices.ExtendedResources)
        {
            var pluginParties = resource.Providers.Where(plugins.ContainsKey).Select(p => plugins[p]).ToArray();
            var classParties = resource.Providers.Where(p => p.StartsWith(DeviceClassPrefix, StringComparison.Ordinal))
                .Select(p => classes.GetValueOrDefault(p[DeviceClassPrefix.Length..])).OfType<K8sLandscape.Model.Devices.DeviceClassInfo>().ToArray();
            if (pluginParties.Length == 0 || classParties.Length == 0) continue;

            var locations = pluginParties.SelectMany(DevicePartyLocations.InstallObjects).Select(o => (o.Location, o.Ref))
                .Concat(classParties.Select(c => (Location: c.Object.LocationOf("spec.extendedResourceName"), c.Object.Ref)))
                .OrderBy(p => p.Location).ToArray();
            var first = locations[0];
            context.Report(Descriptor, first.Location, Parties.Others(first.Location, locations.Select(l => l.Location)), first.Ref,
                resource.Name, Parties.Names(pluginParties.Select(p => p.Name)), Parties.Names(classParties.Select(c => c.Name)));
        }
    }
}
