using System.Text.Json;
using K8sLandscape.Json;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Network;

namespace K8sLandscape.Discovery;

/// <summary>Builds the <see cref="NetworkSurface"/> from the landscape's objects.</summary>
internal static class NetworkDiscovery
{
    public static NetworkSurface Build(LandscapeContext context)
    {
        var catalog = context.Catalog;
        var byType = InfrastructureLookup.ByFingerprint(catalog, f => f.CniTypes);
        var files = context.Objects.OfKind(ConfigKinds.Group, ConfigKinds.CniConfig).Select(o => ReadConfig(o, byType))
            .OrderBy(f => f.Object.Location).ToArray();

        // Components: the recognizer's, plus any a configuration file names by plugin type.
        var objectsById = new Dictionary<string, List<KubeObject>>(StringComparer.Ordinal);
        foreach (var c in context.InCategory(ComponentCategories.Cni)) Add(objectsById, c.Id, c.Objects);
        foreach (var f in files)
        {
            foreach (var p in f.Plugins)
            {
                if (p.ComponentId is not null) Add(objectsById, p.ComponentId, [f.Object]);
            }
        }

        var present = objectsById.Keys.ToHashSet(StringComparer.Ordinal);
        var includedIn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in present.Order(StringComparer.Ordinal))
        {
            foreach (var inc in catalog.Find(id)?.Includes ?? []) if (present.Contains(inc)) includedIn.TryAdd(inc, id);
        }

        var directories = files.GroupBy(f => f.Directory, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var sorted = g.OrderBy(f => f.FileName, StringComparer.Ordinal).ToArray();
            var choice = CniInterface.ChooseConfig(sorted.Select(f => f.FileName));
            var chosen = choice.Chosen is null ? null : sorted.First(f => f.FileName == choice.Chosen);
            return new CniConfigDirectory(g.Key, sorted, chosen, sorted.Where(f => !ReferenceEquals(f, chosen)).ToArray());
        }).ToArray();

        // A plugin's role is what the nodes are configured to do (its place in the conflist that is
        // loaded, a chaining or policy-only mode), not the catalog's default.
        var roleEvidence = Discovery.CniRoleDiscovery.Read(context, directories, byType);
        var plugins = objectsById.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        {
            var def = catalog.Find(p.Key);
            var caps = def?.Capabilities ?? new ComponentCapabilities();
            var evidence = (IReadOnlyList<CniRoleEvidence>?)roleEvidence.GetValueOrDefault(p.Key)?.OrderBy(e => e.Object.Location).ThenBy(e => e.Path, StringComparer.Ordinal).ToArray() ?? [];
            var role = Discovery.CniRoleDiscovery.Resolve(caps.CniRole, evidence);
            return new NetworkPlugin(p.Key, def?.Name ?? p.Key, role, caps.DataPlane, caps.Encapsulation, caps.NetworkPolicy, caps.Ebpf,
                includedIn.GetValueOrDefault(p.Key), p.Value.Distinct().OrderBy(o => o.Location).ToArray())
            {
                CatalogRole = caps.CniRole,
                RoleEvidence = evidence,
            };
        }).ToArray();

        var recognized = InfrastructureLookup.RecognizedObjects(context);
        var podNetwork = plugins.Where(p => p.Role == "primary")
            .Select(p => (p.Id, catalog.Find(p.Id), (IEnumerable<KubeObject>)p.Objects))
            .Concat(InfrastructureLookup.UnrecognizedHostPathWorkloads(context, recognized, NetworkSurface.CniHostPaths));
        var policy = plugins.Where(p => p.EnforcesNetworkPolicy == true)
            .Select(p => (p.Id, catalog.Find(p.Id), (IEnumerable<KubeObject>)p.Objects));

        return new NetworkSurface
        {
            Plugins = plugins,
            ConfigFiles = files,
            ConfigDirectories = directories,
            PodCidrs = PodCidrReader.Read(context).OrderBy(c => c.Location).ThenBy(c => c.Cidr, StringComparer.Ordinal).ToArray(),
            NetworkPolicies = context.Objects.OfKind("networking.k8s.io", "NetworkPolicy"),
            ExtensionPoints =
            [
                new ExtensionPoint(LandscapeAreas.Network, NetworkSurface.PodNetworkPoint, InfrastructureLookup.Implementations(podNetwork), ExpectsSingle: true),
                new ExtensionPoint(LandscapeAreas.Network, NetworkSurface.NetworkPolicyPoint, InfrastructureLookup.Implementations(policy), ExpectsSingle: false),
            ],
        };
    }

    private static void Add(Dictionary<string, List<KubeObject>> map, string id, IEnumerable<KubeObject> objects)
    {
        if (!map.TryGetValue(id, out var list)) map[id] = list = [];
        list.AddRange(objects);
    }

    private static CniConfigFile ReadConfig(KubeObject o, Dictionary<string, ComponentDefinition> byType)
    {
        var body = o.Body;
        var path = o.Location.Path;
        var fileName = path.Length > 0 ? Path.GetFileName(path) : o.Name;
        var directory = path.Length > 0 ? Path.GetDirectoryName(path) ?? string.Empty : string.Empty;
        var plugins = new List<CniPluginReference>();
        var isList = body.TryGetProperty("plugins", out var list) && list.ValueKind == JsonValueKind.Array;
        if (isList)
        {
            foreach (var p in list.EnumerateArray()) AddPlugin(p, byType, plugins);
        }
        else
        {
            AddPlugin(body, byType, plugins);
        }

        return new CniConfigFile(fileName, directory, JsonFields.Str(body, "name") ?? o.Name, JsonFields.Str(body, "cniVersion"), isList, plugins, o);
    }

    private static void AddPlugin(JsonElement p, Dictionary<string, ComponentDefinition> byType, List<CniPluginReference> into)
    {
        if (p.ValueKind != JsonValueKind.Object || JsonFields.Str(p, "type") is not { Length: > 0 } type) return;
        var def = byType.GetValueOrDefault(type);
        into.Add(new CniPluginReference(type, def?.Id, def?.Capabilities.CniRole));
    }
}
