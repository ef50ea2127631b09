using K8sLandscape.Json;
using System.Text.Json;
using K8sLandscape.Model.Api;
using K8sLandscape.Model.Workloads;

namespace K8sLandscape.Model.Lifecycle;

/// <summary>The namespaces an operator's controller watches, as its workload says (an environment variable or a flag).</summary>
/// <param name="Kind">The kind of scope.</param>
/// <param name="Namespaces">The namespaces, for <see cref="WatchScopeKind.Namespaces"/> (and the workload's own for <see cref="WatchScopeKind.OwnNamespace"/> when known).</param>
/// <param name="Path">Where it is written, e.g. <c>spec.template.spec.containers[0].env[3]</c>.</param>
public sealed record OperatorWatchScope(WatchScopeKind Kind, IReadOnlyList<string> Namespaces, string Path)
{
    // The variables operator SDKs and well-known operators read their watch scope from.
    private static readonly HashSet<string> Variables = new(StringComparer.Ordinal)
    {
        "WATCH_NAMESPACE", "WATCH_NAMESPACES", "STRIMZI_NAMESPACE", "OPERATOR_WATCH_NAMESPACE", "WATCHED_NAMESPACES",
    };

    private static readonly string[] Flags = ["--namespace", "--namespaces", "--watch-namespace", "--watch-namespaces", "--watched-namespace"];

    /// <summary>Reads every watch-scope statement of a workload's containers.</summary>
    public static IReadOnlyList<OperatorWatchScope> Read(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var result = new List<OperatorWatchScope>();
        foreach (var c in workload.Containers)
        {
            if (!workload.Object.TryGet(c.Path, out var container)) continue;
            foreach (var (i, env) in JsonFields.Items(container, "env"))
            {
                if (JsonFields.Str(env, "name") is not { } name || !Variables.Contains(name)) continue;
                var path = $"{c.Path}.env[{i}]";
                if (JsonFields.Str(env, "value") is { } value) result.Add(FromValue(value, path));
                else if (JsonFields.Path(env, "valueFrom", "fieldRef", "fieldPath") is { ValueKind: JsonValueKind.String } fp)
                {
                    var field = fp.GetString() ?? string.Empty;
                    result.Add(field == "metadata.namespace"
                        ? new OperatorWatchScope(WatchScopeKind.OwnNamespace, workload.Object.Namespace is { } ns ? [ns] : [], path)
                        : field.Contains("olm.targetNamespaces", StringComparison.Ordinal)
                            ? new OperatorWatchScope(WatchScopeKind.OperatorGroup, [], path)
                            : new OperatorWatchScope(WatchScopeKind.Unknown, [], path));
                }
            }

            foreach (var field in new[] { "command", "args" })
            {
                var args = JsonFields.Strings(container, field);
                for (var i = 0; i < args.Count; i++)
                {
                    foreach (var flag in Flags)
                    {
                        string? value = null;
                        if (args[i].StartsWith(flag + "=", StringComparison.Ordinal)) value = args[i][(flag.Length + 1)..];
                        else if (string.Equals(args[i], flag, StringComparison.Ordinal) && i + 1 < args.Count) value = args[i + 1];
                        if (value is not null) result.Add(FromValue(value, $"{c.Path}.{field}[{i}]"));
                    }
                }
            }
        }

        return result;
    }

    private static OperatorWatchScope FromValue(string value, string path)
    {
        var v = value.Trim();
        if (v.Length == 0 || v == "*") return new OperatorWatchScope(WatchScopeKind.AllNamespaces, [], path);
        var list = v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new OperatorWatchScope(WatchScopeKind.Namespaces, list, path);
    }
}
