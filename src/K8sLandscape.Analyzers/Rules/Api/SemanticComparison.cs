using System.Globalization;
using System.Text.Json;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Rules.Api;

/// <summary>
/// Compares two object bodies as the API server would store them: key order does not matter, and
/// the fields the server writes itself (<c>metadata.resourceVersion</c>, <c>uid</c>,
/// <c>creationTimestamp</c>, <c>managedFields</c>, <c>generation</c>, <c>selfLink</c>) and
/// <c>status</c> are ignored, so a copy from a cluster dump equals the manifest it came from.
/// </summary>
internal static class SemanticComparison
{
    private static readonly HashSet<string> ServerMetadata = new(StringComparer.Ordinal)
    {
        "resourceVersion", "uid", "creationTimestamp", "managedFields", "generation", "selfLink",
    };

    /// <summary>True when the bodies are semantically equal.</summary>
    public static bool Equal(KubeObject a, KubeObject b) => Differences(a, b, 1).Count == 0;

    /// <summary>Up to <paramref name="max"/> field paths where the bodies differ, in document order.</summary>
    public static IReadOnlyList<string> Differences(KubeObject a, KubeObject b, int max)
    {
        var result = new List<string>();
        Walk(a.Body, b.Body, string.Empty, 0, result, max);
        return result;
    }

    /// <summary>Up to <paramref name="max"/> paths where two parts of bodies differ (server-written fields are only ignored at the root).</summary>
    public static IReadOnlyList<string> Differences(JsonElement a, JsonElement b, int max, string path)
    {
        var result = new List<string>();
        Walk(a, b, path, path.Length == 0 ? 0 : 1 + path.Count(c => c == '.'), result, max);
        return result;
    }

    /// <summary>
    /// Groups copies into variants of equal content, each in input order; the first variant holds
    /// the first copy. Copies are few (a duplicate is two or three documents), so comparing each with
    /// the variants found so far is linear in the size of the bodies.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<KubeObject>> Variants(IReadOnlyList<KubeObject> copies)
    {
        var variants = new List<List<KubeObject>>();
        foreach (var c in copies)
        {
            var match = variants.FirstOrDefault(v => Equal(v[0], c));
            if (match is null) variants.Add([c]);
            else match.Add(c);
        }

        return variants;
    }

    private static void Walk(JsonElement a, JsonElement b, string path, int depth, List<string> diffs, int max)
    {
        if (diffs.Count >= max) return;
        if (a.ValueKind != b.ValueKind && !(IsBool(a) && IsBool(b)))
        {
            diffs.Add(Display(path));
            return;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var keys = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var p in a.EnumerateObject()) keys.Add(p.Name);
                foreach (var p in b.EnumerateObject()) keys.Add(p.Name);
                foreach (var k in keys)
                {
                    if (Ignored(path, depth, k)) continue;
                    var inA = a.TryGetProperty(k, out var va);
                    var inB = b.TryGetProperty(k, out var vb);
                    var child = path.Length == 0 ? k : path + "." + k;
                    if (inA != inB)
                    {
                        // An explicit null or empty value means the same as an absent one to the API server.
                        if (!IsEmpty(inA ? va : vb)) diffs.Add(child);
                    }
                    else
                    {
                        Walk(va, vb, child, depth + 1, diffs, max);
                    }

                    if (diffs.Count >= max) return;
                }

                return;
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    diffs.Add(Display(path));
                    return;
                }

                var i = 0;
                using (var eb = b.EnumerateArray().GetEnumerator())
                {
                    foreach (var ia in a.EnumerateArray())
                    {
                        eb.MoveNext();
                        Walk(ia, eb.Current, $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]", depth + 1, diffs, max);
                        if (diffs.Count >= max) return;
                        i++;
                    }
                }

                return;
            case JsonValueKind.String:
                if (!string.Equals(a.GetString(), b.GetString(), StringComparison.Ordinal)) diffs.Add(Display(path));
                return;
            case JsonValueKind.Number:
                if (!NumbersEqual(a, b)) diffs.Add(Display(path));
                return;
            case JsonValueKind.True or JsonValueKind.False:
                if (a.ValueKind != b.ValueKind) diffs.Add(Display(path));
                return;
            default:
                return;
        }
    }

    private static bool Ignored(string path, int depth, string key) =>
        (depth == 0 && key == "status") || (depth == 1 && path == "metadata" && ServerMetadata.Contains(key));

    private static bool IsBool(JsonElement e) => e.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static bool IsEmpty(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => true,
        JsonValueKind.Object => !e.EnumerateObject().Any(),
        JsonValueKind.Array => e.GetArrayLength() == 0,
        _ => false,
    };

    private static bool NumbersEqual(JsonElement a, JsonElement b)
    {
        // 1 and 1.0 are the same quantity; compare as decimals when both fit, as text otherwise.
        if (a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y)) return x == y;
        return string.Equals(a.GetRawText(), b.GetRawText(), StringComparison.Ordinal);
    }

    private static string Display(string path) => path.Length == 0 ? "(the whole document)" : path;
}
