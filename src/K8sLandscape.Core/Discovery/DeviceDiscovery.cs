using System.Text.Json;
using System.Text.RegularExpressions;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Devices;
using K8sLandscape.Model.Workloads;

namespace K8sLandscape.Discovery;

/// <summary>Builds the <see cref="DeviceSurface"/> from the landscape's objects.</summary>
internal static partial class DeviceDiscovery
{
    // Operator resources that deploy a device plugin, by group and kind, to the plugin component
    // whose resources they advertise.
    private static readonly Dictionary<(string Group, string Kind), string> IntelOperatorKinds = new()
    {
        [("deviceplugin.intel.com", "GpuDevicePlugin")] = "intel-gpu-plugin",
        [("deviceplugin.intel.com", "QatDevicePlugin")] = "intel-qat-plugin",
        [("deviceplugin.intel.com", "SgxDevicePlugin")] = "intel-sgx-plugin",
        [("deviceplugin.intel.com", "DsaDevicePlugin")] = "intel-dsa-plugin",
        [("deviceplugin.intel.com", "IaaDevicePlugin")] = "intel-iaa-plugin",
        [("deviceplugin.intel.com", "DlbDevicePlugin")] = "intel-dlb-plugin",
        [("deviceplugin.intel.com", "NpuDevicePlugin")] = "intel-npu-plugin",
        [("deviceplugin.intel.com", "FpgaDevicePlugin")] = "intel-fpga-plugin",
    };

    public static DeviceSurface Build(LandscapeContext context)
    {
        var catalog = context.Catalog;
        var objects = context.Objects;
        var byDra = InfrastructureLookup.ByFingerprint(catalog, f => f.DraDrivers);

        // Device plugins: recognized components plus operator resources that deploy one.
        var plugins = new Dictionary<string, (SortedSet<string> Resources, List<KubeObject> Objects)>(StringComparer.Ordinal);
        void AddPlugin(string id, IEnumerable<string> resources, IEnumerable<KubeObject> objs)
        {
            if (!plugins.TryGetValue(id, out var p)) plugins[id] = p = (new SortedSet<string>(StringComparer.Ordinal), []);
            p.Resources.UnionWith(resources);
            p.Objects.AddRange(objs);
        }

        foreach (var c in context.InCategory(ComponentCategories.DevicePlugin))
        {
            // A Node advertising nvidia.com/gpu says the resource exists, not which of the
            // components that can register it did: it matches every one of them, so it is no
            // evidence of an installation here.
            var installed = c.Evidence.Where(e => !(e.Fingerprint == "extendedResource" && e.Object.Kind == "Node" && e.Object.Group.Length == 0))
                .Select(e => e.Object).ToArray();
            if (installed.Length > 0) AddPlugin(c.Id, c.Definition.Fingerprints.ExtendedResources, installed);
        }
        foreach (var policy in objects.OfKind("nvidia.com", "ClusterPolicy"))
        {
            // The GPU operator deploys its device plugin unless spec.devicePlugin.enabled is false.
            if (policy.TryGet("spec.devicePlugin.enabled", out var enabled) && enabled.ValueKind == JsonValueKind.False) continue;
            AddPlugin("nvidia-gpu-operator", catalog.Find("nvidia-gpu-operator")?.Fingerprints.ExtendedResources ?? ["nvidia.com/gpu"], [policy]);
        }

        foreach (var ((group, kind), pluginId) in IntelOperatorKinds)
        {
            foreach (var cr in objects.OfKind(group, kind))
                AddPlugin("intel-device-plugins-operator", catalog.Find(pluginId)?.Fingerprints.ExtendedResources ?? [], [cr]);
        }

        var devicePlugins = plugins.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new DevicePluginInfo(
            p.Key, catalog.Find(p.Key)?.Name ?? p.Key, p.Value.Resources.ToArray(), p.Value.Objects.Distinct().OrderBy(o => o.Location).ToArray())).ToArray();

        // DRA.
        var classes = objects.OfKind("resource.k8s.io", "DeviceClass").Select(ReadDeviceClass).OrderBy(c => c.Name, StringComparer.Ordinal).ToArray();
        var classDrivers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var c in classes) classDrivers.TryAdd(c.Name, c.Drivers);
        var slices = objects.OfKind("resource.k8s.io", "ResourceSlice").Select(ReadSlice).ToArray();
        var claims = objects.OfKind("resource.k8s.io", "ResourceClaim").Select(o => ReadClaim(o, false, classDrivers, byDra))
            .Concat(objects.OfKind("resource.k8s.io", "ResourceClaimTemplate").Select(o => ReadClaim(o, true, classDrivers, byDra)))
            .ToArray();
        var draDrivers = slices.Select(s => s.Driver).Concat(classes.SelectMany(c => c.Drivers)).Concat(claims.SelectMany(c => c.Drivers))
            .Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

        // Extended resources: providers, nodes, requests.
        var providers = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var providerObjects = new Dictionary<string, IEnumerable<KubeObject>>(StringComparer.Ordinal);
        void Provide(string resource, string id, IEnumerable<KubeObject> objs)
        {
            if (!providers.TryGetValue(resource, out var set)) providers[resource] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.Add(id);
            providerObjects.TryAdd(id, objs);
        }

        foreach (var p in devicePlugins)
        {
            foreach (var r in p.Resources) Provide(r, p.Id, p.Objects);
        }

        foreach (var c in classes)
        {
            if (c.ExtendedResourceName is { Length: > 0 } ern) Provide(ern, "deviceclass:" + c.Name, [c.Object]);
        }

        var nodes = new Dictionary<string, List<NodeResource>>(StringComparer.Ordinal);
        foreach (var node in objects.OfKind("", "Node")) ReadNodeResources(node, nodes);
        var requests = new Dictionary<string, List<ResourceRequest>>(StringComparer.Ordinal);
        foreach (var w in context.Workloads)
        {
            foreach (var c in w.Containers)
            {
                // Runs for every container of every pod: no per-container allocation for cpu and memory.
                foreach (var name in c.Requests.Keys)
                {
                    if (DevicePluginInterface.IsExtendedResource(name)) AddRequest(w, c, name);
                }

                foreach (var name in c.Limits.Keys)
                {
                    if (!c.Requests.ContainsKey(name) && DevicePluginInterface.IsExtendedResource(name)) AddRequest(w, c, name);
                }
            }
        }

        void AddRequest(Workload w, ContainerInfo c, string name)
        {
            if (!requests.TryGetValue(name, out var list)) requests[name] = list = [];
            list.Add(new ResourceRequest(w.Object, c.Name, c.Requests.GetValueOrDefault(name), c.Limits.GetValueOrDefault(name), w.Object.LocationOf(c.Path)));
        }

        var names = providers.Keys.Concat(nodes.Keys).Concat(requests.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var resources = names.Select(n => new ExtendedResource(
            n,
            providers.TryGetValue(n, out var ps) ? ps.ToArray() : [],
            nodes.TryGetValue(n, out var ns) ? ns.OrderBy(x => x.NodeName, StringComparer.Ordinal).ToArray() : [],
            requests.TryGetValue(n, out var rs) ? rs.OrderBy(x => x.Location).ToArray() : [])).ToArray();

        var points = resources.Select(r => new ExtensionPoint(LandscapeAreas.Devices, r.Name,
            InfrastructureLookup.Implementations(r.Providers.Select(id => (id, catalog.Find(id), providerObjects[id]))), ExpectsSingle: true)).ToList();

        var recognized = InfrastructureLookup.RecognizedObjects(context);
        points.Add(new ExtensionPoint(LandscapeAreas.Devices, DeviceSurface.DevicePluginsPoint, InfrastructureLookup.Implementations(
            devicePlugins.Select(p => (p.Id, catalog.Find(p.Id), (IEnumerable<KubeObject>)p.Objects))
                .Concat(InfrastructureLookup.UnrecognizedHostPathWorkloads(context, recognized, DeviceSurface.DevicePluginHostPaths))), ExpectsSingle: false));

        var draParts = context.InCategory(ComponentCategories.DraDriver).Select(c => (c.Id, (ComponentDefinition?)c.Definition, (IEnumerable<KubeObject>)c.Objects))
            .Concat(draDrivers.Select(d =>
            {
                var def = byDra.GetValueOrDefault(d);
                var objs = slices.Where(s => s.Driver == d).Select(s => s.Object)
                    .Concat(classes.Where(c => c.Drivers.Contains(d)).Select(c => c.Object))
                    .Concat(claims.Where(c => c.Drivers.Contains(d)).Select(c => c.Object));
                return (def?.Id ?? "dra-driver:" + d, def, objs);
            }));
        points.Add(new ExtensionPoint(LandscapeAreas.Devices, DeviceSurface.DraDriversPoint, InfrastructureLookup.Implementations(draParts), ExpectsSingle: false));

        return new DeviceSurface
        {
            DevicePlugins = devicePlugins,
            ExtendedResources = resources,
            DeviceClasses = classes,
            ResourceSlices = slices,
            ResourceClaims = claims,
            DraDrivers = draDrivers,
            ExtensionPoints = points,
        };
    }

    private static void ReadNodeResources(KubeObject node, Dictionary<string, List<NodeResource>> into)
    {
        var capacity = Quantities(node, "status.capacity");
        var allocatable = Quantities(node, "status.allocatable");
        foreach (var name in capacity.Keys.Concat(allocatable.Keys).Distinct(StringComparer.Ordinal))
        {
            if (!DevicePluginInterface.IsExtendedResource(name)) continue;
            if (!into.TryGetValue(name, out var list)) into[name] = list = [];
            var at = allocatable.ContainsKey(name) ? $"status.allocatable[{name}]" : $"status.capacity[{name}]";
            list.Add(new NodeResource(node.Name, capacity.GetValueOrDefault(name), allocatable.GetValueOrDefault(name), node, node.LocationOf(at)));
        }
    }

    private static Dictionary<string, string> Quantities(KubeObject o, string path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!o.TryGet(path, out var e) || e.ValueKind != JsonValueKind.Object) return map;
        foreach (var p in e.EnumerateObject()) map[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        return map;
    }

    private static DeviceClassInfo ReadDeviceClass(KubeObject o)
    {
        var drivers = new SortedSet<string>(StringComparer.Ordinal);
        if (o.TryGet("spec.selectors", out var selectors) && selectors.ValueKind == JsonValueKind.Array)
        {
            foreach (var s in selectors.EnumerateArray())
            {
                if (s.ValueKind != JsonValueKind.Object || !s.TryGetProperty("cel", out var cel) || cel.ValueKind != JsonValueKind.Object) continue;
                if (!cel.TryGetProperty("expression", out var expr) || expr.ValueKind != JsonValueKind.String) continue;
                foreach (Match m in DriverEquals().Matches(expr.GetString()!)) drivers.Add(m.Groups[1].Value);
            }
        }

        return new DeviceClassInfo(o.Name, drivers.ToArray(), o.GetString("spec.extendedResourceName"), o);
    }

    private static ResourceSliceInfo ReadSlice(KubeObject o)
    {
        var count = o.TryGet("spec.devices", out var d) && d.ValueKind == JsonValueKind.Array ? d.GetArrayLength() : 0;
        return new ResourceSliceInfo(o.GetString("spec.driver") ?? string.Empty, o.GetString("spec.nodeName"), o.GetString("spec.pool.name"), count, o);
    }

    private static ResourceClaimInfo ReadClaim(KubeObject o, bool template, Dictionary<string, IReadOnlyList<string>> classDrivers, Dictionary<string, ComponentDefinition> byDra)
    {
        var classNames = new SortedSet<string>(StringComparer.Ordinal);
        if (o.TryGet("spec", out var spec)) CollectClassNames(spec, classNames, 0);
        var drivers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in classNames)
        {
            if (classDrivers.TryGetValue(name, out var ds)) drivers.UnionWith(ds);
            // Without the DeviceClass in the input, a class named after a known driver (the
            // example driver's gpu.example.com) is taken to select that driver.
            else if (byDra.ContainsKey(name)) drivers.Add(name);
        }

        return new ResourceClaimInfo(o.Name, o.Namespace, template, classNames.ToArray(), drivers.ToArray(), o);
    }

    // Requests sit at spec.devices.requests[] (claims) or spec.spec.devices.requests[] (templates),
    // as exactly.deviceClassName, firstAvailable[].deviceClassName or, before v1, deviceClassName.
    private static void CollectClassNames(JsonElement e, SortedSet<string> into, int depth)
    {
        if (depth > 12) return;
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name == "deviceClassName" && p.Value.ValueKind == JsonValueKind.String) into.Add(p.Value.GetString()!);
                else if (p.Name != "selectors") CollectClassNames(p.Value, into, depth + 1);
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in e.EnumerateArray()) CollectClassNames(x, into, depth + 1);
        }
    }

    [GeneratedRegex(@"device\.driver\s*==\s*[""']([^""']+)[""']", RegexOptions.CultureInvariant)]
    private static partial Regex DriverEquals();
}
