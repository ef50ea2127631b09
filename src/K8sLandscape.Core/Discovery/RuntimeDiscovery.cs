using System.Text.Json;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Runtime;

namespace K8sLandscape.Discovery;

/// <summary>Builds the <see cref="RuntimeSurface"/> from the landscape's objects.</summary>
internal static class RuntimeDiscovery
{
    public static RuntimeSurface Build(LandscapeContext context)
    {
        var catalog = context.Catalog;
        var byHandler = InfrastructureLookup.ByFingerprint(catalog, f => f.RuntimeHandlers);
        var byEngine = InfrastructureLookup.ByFingerprint(catalog, f => f.RuntimeEngines);

        var nodes = context.Objects.OfKind("", "Node").Select(ReadNode)
            .OrderBy(n => n.NodeName, StringComparer.Ordinal).ThenBy(n => n.Location).ToArray();

        var handlers = new List<RuntimeHandler>();
        foreach (var config in context.Objects.OfKind(ConfigKinds.Group, ConfigKinds.ContainerdConfig)) RuntimeConfigReader.ReadContainerd(config, byHandler, handlers);
        foreach (var config in context.Objects.OfKind(ConfigKinds.Group, ConfigKinds.CrioConfig)) RuntimeConfigReader.ReadCrio(config, byHandler, handlers);

        var classes = context.Objects.OfKind("node.k8s.io", "RuntimeClass").Select(o => ReadRuntimeClass(o, byHandler))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Location).ToArray();

        var enginePoint = InfrastructureLookup.Implementations(nodes.Where(n => n.Engine is not null).Select(n =>
        {
            var def = byEngine.GetValueOrDefault(n.Engine!);
            return (def?.Id ?? "engine:" + n.Engine, def, (IEnumerable<KubeObject>)[n.Node]);
        }));

        var handlerParts = handlers.Select(h => (h.ComponentId ?? "handler:" + h.Name, Def(catalog, h.ComponentId), (IEnumerable<KubeObject>)[h.Config]))
            .Concat(classes.Select(c => (c.ComponentId ?? "handler:" + c.Handler, Def(catalog, c.ComponentId), (IEnumerable<KubeObject>)[c.Object])));

        return new RuntimeSurface
        {
            Nodes = nodes,
            Engines = nodes.Select(n => n.Engine).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            Handlers = handlers,
            RuntimeClasses = classes,
            ExtensionPoints =
            [
                new ExtensionPoint(LandscapeAreas.Runtime, RuntimeSurface.ContainerRuntimePoint, enginePoint, ExpectsSingle: true),
                new ExtensionPoint(LandscapeAreas.Runtime, RuntimeSurface.RuntimeHandlersPoint, InfrastructureLookup.Implementations(handlerParts), ExpectsSingle: false),
            ],
        };
    }

    private static ComponentDefinition? Def(ComponentCatalog catalog, string? id) => id is null ? null : catalog.Find(id);

    private static NodeRuntime ReadNode(KubeObject node)
    {
        const string info = "status.nodeInfo";
        var runtimeVersion = node.GetString(info + ".containerRuntimeVersion");
        string? engine = null, version = null;
        if (!string.IsNullOrWhiteSpace(runtimeVersion)) (engine, version) = NodeRuntime.ParseRuntimeVersion(runtimeVersion);
        return new NodeRuntime(
            node.Name,
            engine,
            version,
            runtimeVersion,
            node.GetString(info + ".kubeletVersion"),
            node.GetString(info + ".operatingSystem"),
            node.GetString(info + ".architecture"),
            node.GetString(info + ".osImage"),
            node.GetString(info + ".kernelVersion"),
            node,
            node.LocationOf(info + ".containerRuntimeVersion"));
    }

    private static RuntimeClassInfo ReadRuntimeClass(KubeObject o, Dictionary<string, ComponentDefinition> byHandler)
    {
        var handler = o.GetString("handler") ?? string.Empty;
        var def = RuntimeConfigReader.HandlerComponent(handler, byHandler);
        return new RuntimeClassInfo(
            o.Name,
            handler,
            StringMap(o, "overhead.podFixed"),
            StringMap(o, "scheduling.nodeSelector"),
            def?.Capabilities.Isolation,
            def?.Id,
            o,
            o.LocationOf("handler"));
    }

    private static Dictionary<string, string> StringMap(KubeObject o, string path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!o.TryGet(path, out var e) || e.ValueKind != JsonValueKind.Object) return map;
        foreach (var p in e.EnumerateObject()) map[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        return map;
    }
}
