using System.Text.Json;
using K8sLandscape.Json;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Runtime;

namespace K8sLandscape.Discovery;

/// <summary>Reads runtime handlers from containerd <c>config.toml</c> and CRI-O <c>crio.conf</c> trees.</summary>
internal static class RuntimeConfigReader
{
    // Where each containerd configuration version keeps the CRI runtimes table: version 1 used the
    // short plugin name, version 2 (containerd 1.x) the gRPC plugin id, version 3 (containerd 2.x)
    // split the CRI plugin and moved runtimes to io.containerd.cri.v1.runtime.
    private static readonly (int Version, string Plugin)[] ContainerdPlugins =
    [
        (3, "io.containerd.cri.v1.runtime"),
        (2, "io.containerd.grpc.v1.cri"),
        (1, "cri"),
    ];

    public static void ReadContainerd(KubeObject config, Dictionary<string, ComponentDefinition> byHandler, List<RuntimeHandler> into)
    {
        var body = config.Body;
        int? declared = body.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;
        if (!body.TryGetProperty("plugins", out var plugins) || plugins.ValueKind != JsonValueKind.Object) return;
        foreach (var (version, plugin) in ContainerdPlugins)
        {
            if (!plugins.TryGetProperty(plugin, out var cri) || cri.ValueKind != JsonValueKind.Object) continue;
            if (!cri.TryGetProperty("containerd", out var containerd) || containerd.ValueKind != JsonValueKind.Object) continue;
            var defaultName = JsonFields.Str(containerd, "default_runtime_name");
            if (!containerd.TryGetProperty("runtimes", out var runtimes) || runtimes.ValueKind != JsonValueKind.Object) continue;
            var basePath = $"plugins[{plugin}].containerd.runtimes";
            foreach (var r in runtimes.EnumerateObject())
            {
                if (r.Value.ValueKind != JsonValueKind.Object) continue;
                var def = HandlerComponent(r.Name, byHandler);
                into.Add(new RuntimeHandler(
                    r.Name, "containerd", JsonFields.Str(r.Value, "runtime_type"), JsonFields.Str(r.Value, "runtime_path"),
                    string.Equals(defaultName, r.Name, StringComparison.Ordinal),
                    declared ?? version, def?.Capabilities.Isolation, def?.Id, config,
                    config.LocationOf($"{basePath}[{r.Name}]")));
            }
        }
    }

    public static void ReadCrio(KubeObject config, Dictionary<string, ComponentDefinition> byHandler, List<RuntimeHandler> into)
    {
        if (!config.TryGet("crio.runtime", out var runtime) || runtime.ValueKind != JsonValueKind.Object) return;
        var defaultName = JsonFields.Str(runtime, "default_runtime");
        if (!runtime.TryGetProperty("runtimes", out var runtimes) || runtimes.ValueKind != JsonValueKind.Object) return;
        foreach (var r in runtimes.EnumerateObject())
        {
            if (r.Value.ValueKind != JsonValueKind.Object) continue;
            var def = HandlerComponent(r.Name, byHandler);
            into.Add(new RuntimeHandler(
                r.Name, "cri-o", JsonFields.Str(r.Value, "runtime_type"), JsonFields.Str(r.Value, "runtime_path"),
                string.Equals(defaultName, r.Name, StringComparison.Ordinal),
                null, def?.Capabilities.Isolation, def?.Id, config,
                config.LocationOf($"crio.runtime.runtimes[{r.Name}]")));
        }
    }

    /// <summary>The catalog component of a handler name; kata's many hypervisor variants share the <c>kata-</c> prefix.</summary>
    public static ComponentDefinition? HandlerComponent(string handler, Dictionary<string, ComponentDefinition> byHandler)
    {
        if (byHandler.TryGetValue(handler, out var def)) return def;
        return handler.StartsWith("kata-", StringComparison.Ordinal) ? byHandler.GetValueOrDefault("kata") : null;
    }

}
