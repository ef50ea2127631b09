using System.Text.Json;
using System.Text.RegularExpressions;
using K8sLandscape.Json;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Network;

namespace K8sLandscape.Discovery;

/// <summary>
/// Reads what the cluster's configuration says each CNI plugin does on the nodes, wherever that
/// configuration lives: the conflist libcni picks in each directory, conflists embedded in the
/// ConfigMaps that plugin agents write to the nodes, Cilium's chaining mode, Antrea's
/// <c>networkPolicyOnly</c> mode and Calico's policy-only backend. The catalog's role is only the
/// default for a plugin the configuration says nothing about.
/// </summary>
internal static partial class CniRoleDiscovery
{
    public const string Primary = "primary";
    public const string Chained = "chained";
    public const string Meta = "meta";

    /// <summary>Role evidence by component id, each list in location order.</summary>
    public static Dictionary<string, List<CniRoleEvidence>> Read(
        LandscapeContext context, IReadOnlyList<CniConfigDirectory> directories, Dictionary<string, ComponentDefinition> byType)
    {
        var result = new Dictionary<string, List<CniRoleEvidence>>(StringComparer.Ordinal);
        void Add(string? id, CniRoleEvidence e)
        {
            if (id is null) return;
            if (!result.TryGetValue(id, out var list)) result[id] = list = [];
            list.Add(e);
        }

        // Only the file libcni loads counts: a shadowed file configures nothing.
        foreach (var d in directories)
        {
            if (d.Chosen is not { } file) continue;
            for (var i = 0; i < file.Plugins.Count; i++)
            {
                var p = file.Plugins[i];
                if (p.ComponentId is null || IsGeneric(context.Catalog.Find(p.ComponentId))) continue;
                Add(p.ComponentId, new CniRoleEvidence(PositionRole(i, p.Role), $"plugin {i + 1} of {file.FileName}, the configuration libcni loads from its directory", file.Object, null));
            }
        }

        var mountedBy = AgentConfigMaps(context);
        foreach (var cm in context.Objects.OfKind("", "ConfigMap"))
        {
            var bytes = cm.Json.Span;
            var mayHoldConflist = bytes.IndexOf("cniVersion"u8) >= 0;
            var mayHoldMode = bytes.IndexOf("cni-chaining-mode"u8) >= 0 || bytes.IndexOf("trafficEncapMode"u8) >= 0;
            if (!mayHoldConflist && !mayHoldMode) continue;
            if (!cm.TryGet("data", out var data) || data.ValueKind != JsonValueKind.Object) continue;
            foreach (var entry in data.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String) continue;
                var value = entry.Value.GetString() ?? string.Empty;
                var path = "data." + entry.Name;
                if (mayHoldConflist && value.Contains("\"type\"", StringComparison.Ordinal))
                {
                    var types = EmbeddedPluginTypes(value);
                    var defs = types.Select(t => byType.GetValueOrDefault(t)).ToArray();

                    // An agent that writes a conflist led by a generic plugin (kube-router's `bridge`)
                    // owns the pod network that conflist sets up; the generic plugin is its tool.
                    var agents = defs.Length > 0 && IsGeneric(defs[0]) && mountedBy.TryGetValue(cm, out var mounting)
                        ? mounting.Where(a => !defs.Any(d => d?.Id == a.Component)).ToArray()
                        : [];
                    foreach (var agent in agents.DistinctBy(a => a.Component))
                    {
                        Add(agent.Component, new CniRoleEvidence(Primary, $"its {agent.Workload.Kind} {Name(agent.Workload)} writes the conflist in ConfigMap {Name(cm)} {path}, led by the '{types[0]}' plugin", cm, path));
                    }

                    for (var i = agents.Length > 0 ? 1 : 0; i < types.Count; i++)
                    {
                        if (IsGeneric(defs[i])) continue;
                        Add(defs[i]?.Id, new CniRoleEvidence(PositionRole(i, defs[i]?.Capabilities.CniRole), $"plugin {i + 1} of the conflist in ConfigMap {Name(cm)} {path}, which its agent writes to the nodes", cm, path));
                    }
                }

                if (string.Equals(entry.Name, "cni-chaining-mode", StringComparison.Ordinal) && value is not ("" or "none"))
                {
                    Add(context.Catalog.Find("cilium")?.Id, new CniRoleEvidence(Chained, $"Cilium chaining mode '{value}' in ConfigMap {Name(cm)}", cm, path));
                }

                if (NetworkPolicyOnly().IsMatch(value))
                {
                    Add(context.Catalog.Find("antrea")?.Id, new CniRoleEvidence(Chained, $"Antrea trafficEncapMode networkPolicyOnly in ConfigMap {Name(cm)} {path}: it enforces policy on another plugin's pod network", cm, path));
                }
            }
        }

        if (context.Component("calico") is { } calico) ReadCalicoBackend(context, calico, Add);
        return result;
    }

    // ConfigMaps mounted by the workloads of recognized CNI components: what those agents write to the nodes.
    private static Dictionary<KubeObject, List<(string Component, KubeObject Workload)>> AgentConfigMaps(LandscapeContext context)
    {
        var result = new Dictionary<KubeObject, List<(string, KubeObject)>>(ReferenceEqualityComparer.Instance);
        var cni = context.InCategory(ComponentCategories.Cni).ToArray();
        if (cni.Length == 0) return result;
        var componentOf = new Dictionary<KubeObject, string>(ReferenceEqualityComparer.Instance);
        foreach (var c in cni)
        {
            foreach (var o in c.Objects) componentOf.TryAdd(o, c.Id);
        }

        foreach (var w in context.Workloads)
        {
            if (!componentOf.TryGetValue(w.Object, out var id)) continue;
            if (!w.Object.TryGet(w.PodSpecPath + ".volumes", out var volumes) || volumes.ValueKind != JsonValueKind.Array) continue;
            foreach (var v in volumes.EnumerateArray())
            {
                if (JsonFields.Path(v, "configMap", "name") is not { ValueKind: JsonValueKind.String } name) continue;
                var found = context.Objects.Find(new ObjectRef(string.Empty, "ConfigMap", w.Object.Namespace, name.GetString() ?? string.Empty));
                if (found.Count == 0) continue;
                if (!result.TryGetValue(found[0], out var list)) result[found[0]] = list = [];
                list.Add((id, w.Object));
            }
        }

        return result;
    }

    /// <summary>The role a plugin has from its evidence: a chained or policy-only configuration wins, then primary, then meta; the catalog default when there is none.</summary>
    public static string? Resolve(string? catalogRole, IReadOnlyList<CniRoleEvidence>? evidence)
    {
        if (evidence is null || evidence.Count == 0) return catalogRole;
        if (evidence.Any(e => e.Role == Chained)) return Chained;
        if (evidence.Any(e => e.Role == Primary)) return Primary;
        return evidence.Any(e => e.Role == Meta) ? Meta : catalogRole;
    }

    // Reference plugins (bridge, ptp, portmap) create or tune an interface but own no cluster-wide pod
    // network of their own: their place in a conflist says nothing about them, only about its leader.
    private static bool IsGeneric(ComponentDefinition? def) => def is null || def.Capabilities.CniRole is not (Primary or Meta);

    // The first plugin of a conflist creates the pod's interface; later ones add to it.
    private static string PositionRole(int position, string? catalogRole) =>
        catalogRole == Meta ? Meta : position == 0 ? Primary : Chained;

    private static void ReadCalicoBackend(LandscapeContext context, RecognizedComponent calico, Action<string?, CniRoleEvidence> add)
    {
        var objects = new HashSet<KubeObject>(calico.Objects, ReferenceEqualityComparer.Instance);
        foreach (var w in context.Workloads)
        {
            if (w.Object.Kind != "DaemonSet" || !objects.Contains(w.Object)) continue;
            foreach (var c in w.Containers)
            {
                if (!w.Object.TryGet(c.Path + ".env", out var env) || env.ValueKind != JsonValueKind.Array) continue;
                var i = 0;
                foreach (var e in env.EnumerateArray())
                {
                    var path = $"{c.Path}.env[{i++}]";
                    if (JsonFields.Str(e, "name") != "CALICO_NETWORKING_BACKEND") continue;
                    var value = JsonFields.Str(e, "value") ?? FromConfigMap(context, w.Object.Namespace, e);
                    if (string.Equals(value, "none", StringComparison.Ordinal))
                    {
                        add(calico.Id, new CniRoleEvidence(Chained, $"CALICO_NETWORKING_BACKEND is 'none' in {w.Object.Kind} {Name(w.Object)}: Calico enforces policy only", w.Object, path));
                    }
                }
            }
        }
    }

    private static string? FromConfigMap(LandscapeContext context, string? ns, JsonElement env)
    {
        if (JsonFields.Path(env, "valueFrom", "configMapKeyRef") is not { ValueKind: JsonValueKind.Object } reference) return null;
        if (JsonFields.Str(reference, "name") is not { } name || JsonFields.Str(reference, "key") is not { } key) return null;
        var found = context.Objects.Find(new ObjectRef(string.Empty, "ConfigMap", ns, name));
        return found.Count > 0 ? found[0].GetString("data." + key) : null;
    }

    /// <summary>The plugin types of an embedded conflist (or single-plugin conf), in order; empty when it is not one.</summary>
    internal static IReadOnlyList<string> EmbeddedPluginTypes(string text)
    {
        // Install-time placeholders (`"mtu": __CNI_MTU__`) make the text invalid JSON until the agent fills them in.
        var json = Placeholder().Replace(text, "0");
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return [];
            if (root.TryGetProperty("plugins", out var plugins) && plugins.ValueKind == JsonValueKind.Array)
            {
                return plugins.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.Object ? JsonFields.Str(p, "type") : null).OfType<string>().ToArray();
            }

            return JsonFields.Str(root, "type") is { } type && root.TryGetProperty("cniVersion", out _) ? [type] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Name(KubeObject o) => o.Namespace is null ? o.Name : o.Namespace + "/" + o.Name;

    [GeneratedRegex(@"__[A-Z0-9_]+__", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\s*trafficEncapMode\s*:\s*[""']?networkPolicyOnly[""']?\s*(#.*)?$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex NetworkPolicyOnly();
}
