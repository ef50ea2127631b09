using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Rules.Devices;

/// <summary>KL4001: two device plugins advertise the same extended resource.</summary>
internal sealed class DuplicateDevicePluginResourceAnalyzer : LandscapeAnalyzer
{
    private const string DeviceClassPrefix = "deviceclass:";

    public static RuleDescriptor Descriptor { get; } = new(
        "KL4001",
        "Two device plugins advertise the same extended resource",
        "Extended resource {0} advertised by {1} device plugins: {2}",
        RuleCategory.Devices,
        DiagnosticSeverity.Error,
        """
        A device plugin registers with the kubelet under one resource name (`Register` on
        `/var/lib/kubelet/device-plugins/kubelet.sock` with `ResourceName: nvidia.com/gpu`) and then streams
        its devices. The kubelet's device manager keeps one endpoint per resource name: a second plugin
        registering the same name replaces the first one's endpoint, so which plugin's device list the node
        advertises and which plugin's `Allocate` prepares containers depends on start order and flips when
        either pod restarts. The two plugins usually differ in configuration (MIG strategy, time-slicing
        replicas, device IDs), so `nvidia.com/gpu` capacity jumps, containers get a device the other plugin
        had handed out, or allocation fails for device IDs the current plugin does not know. The common
        case is the standalone NVIDIA device plugin left in place when the GPU operator (whose
        ClusterPolicy deploys its own plugin unless `spec.devicePlugin.enabled` is false) is installed.

        One finding per set of competing plugins: when the same plugins share several resources (Intel's
        GPU plugin advertises `gpu.intel.com/i915`, `xe`, `millicores` and `memory.max`), the finding names
        them all. It reports at the first object of the first plugin by location and lists every other
        object of the plugins (their DaemonSets or operator resources).
        """,
        """
        Run one plugin per resource: delete the standalone plugin's DaemonSet, or disable the operator's
        (`spec.devicePlugin.enabled: false` in the GPU operator's ClusterPolicy). Where both must stay,
        restrict each to disjoint nodes with node selectors.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var devices = context.Landscape.Devices;
        var plugins = devices.DevicePlugins.ToDictionary(p => p.Id, StringComparer.Ordinal);

        // One root cause, one finding: the resources two plugins both advertise are grouped by the set of plugins.
        var bySet = new SortedDictionary<string, (List<string> Resources, (Model.Devices.DevicePluginInfo Plugin, IReadOnlyList<KubeObject> Objects)[] Providers)>(StringComparer.Ordinal);
        foreach (var resource in devices.ExtendedResources)
        {
            var providers = resource.Providers.Where(p => !p.StartsWith(DeviceClassPrefix, StringComparison.Ordinal) && plugins.ContainsKey(p))
                .Select(p => (Plugin: plugins[p], Objects: DevicePartyLocations.InstallObjects(plugins[p])))
                .Where(p => p.Objects.Count > 0)
                .OrderBy(p => p.Objects[0].Location).ThenBy(p => p.Plugin.Id, StringComparer.Ordinal)
                .ToArray();
            if (providers.Length < 2) continue;
            var key = string.Join("|", providers.Select(p => p.Plugin.Id));
            if (!bySet.TryGetValue(key, out var entry)) bySet[key] = entry = ([], providers);
            entry.Resources.Add(resource.Name);
        }

        foreach (var (resources, providers) in bySet.Values.OrderBy(v => v.Providers[0].Objects[0].Location))
        {
            var at = providers[0].Objects[0];
            var related = providers.SelectMany(p => p.Objects).Select(o => o.Location);
            var names = Parties.Join(providers.Select(p => $"{p.Plugin.Name} ({Parties.Join(p.Objects.Select(Parties.KindAndName))})"));
            var what = resources.Count == 1 ? $"'{resources[0]}' is" : Parties.Join(resources.Order(StringComparer.Ordinal).Select(r => $"'{r}'")) + " are";
            context.Report(Descriptor, at.Location, Parties.Others(at.Location, related), at.Ref, what, Parties.Count(providers.Length), names);
        }
    }
}
