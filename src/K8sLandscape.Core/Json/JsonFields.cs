using System.Globalization;
using System.Text.Json;

namespace K8sLandscape.Json;

/// <summary>
/// Small readers over object bodies, shared by the loader, the models and the rules. The models read
/// the fields they need straight from the JSON tree: CRD bodies carry schemas of hundreds of KB that a
/// typed model would deserialize for nothing, OLM/OAM kinds have no KubernetesClient model at all,
/// and pods are too many to deserialize.
/// </summary>
internal static class JsonFields
{
    internal static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>();

    internal static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static bool? Bool(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? v.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null }
            : null;

    internal static int? Int(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n)) return n;
        // Hand-written manifests sometimes quote numbers; the API server would reject them, we keep the value.
        return v.ValueKind == JsonValueKind.String && int.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n) ? n : null;
    }

    internal static JsonElement? Obj(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    internal static JsonElement? Arr(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v : null;

    /// <summary>The object items of an array field with their indexes (other items are skipped, indexes kept).</summary>
    internal static IEnumerable<(int Index, JsonElement Item)> Items(JsonElement e, string name)
    {
        if (Arr(e, name) is not { } arr) yield break;
        var i = 0;
        foreach (var item in arr.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object) yield return (i, item);
            i++;
        }
    }

    internal static IReadOnlyList<string> Strings(JsonElement e, string name)
    {
        if (Arr(e, name) is not { } arr || arr.GetArrayLength() == 0) return [];
        var result = new List<string>(arr.GetArrayLength());
        foreach (var item in arr.EnumerateArray())
        {
            // Shared: the same commands and flags repeat in every pod of a workload.
            if (item.ValueKind == JsonValueKind.String) result.Add(K8sLandscape.Loading.StringPool.Share(item.GetString()!));
        }

        return result.ToArray();
    }

    internal static IReadOnlyDictionary<string, string> Map(JsonElement e, string name)
    {
        if (Obj(e, name) is not { } m) return EmptyMap;
        // Compact, with shared strings: the landscape keeps these for every pod template and container.
        var entries = new List<KeyValuePair<string, string>>();
        foreach (var p in m.EnumerateObject())
        {
            entries.Add(new(p.Name, p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString()!,
                JsonValueKind.Null => string.Empty,
                _ => p.Value.GetRawText(),
            }));
        }

        return K8sLandscape.Loading.CompactStringMap.Create(entries);
    }

    /// <summary>Reads <c>a.b.c</c> below an element.</summary>
    internal static JsonElement? Path(JsonElement e, params string[] names)
    {
        var current = e;
        foreach (var n in names)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(n, out current)) return null;
        }

        return current;
    }
}
