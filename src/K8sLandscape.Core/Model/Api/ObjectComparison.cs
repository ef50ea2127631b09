using System.Globalization;
using System.Text;
using System.Text.Json;
using K8sLandscape.Loading;

namespace K8sLandscape.Model.Api;

/// <summary>
/// Compares two copies of an object by what the API server acts on, and sorts every difference
/// into one of three weights (<see cref="ObjectDifference"/>): a difference in effect, a difference in
/// labels or annotations only (which the server stores but does not act on; the tools that own the
/// object do), and a cosmetic difference (schema descriptions, the order of lists the server treats
/// as sets). Key order, quoting and whitespace never show: the copies are compared parsed. The
/// fields the server writes itself (<c>metadata.resourceVersion</c>, <c>uid</c>,
/// <c>creationTimestamp</c>, <c>managedFields</c>, <c>generation</c>, <c>selfLink</c>) and
/// <c>status</c> are ignored, so a copy from a cluster dump equals the manifest it came from.
/// </summary>
public static class ObjectComparison
{
    private static readonly HashSet<string> ServerMetadata = new(StringComparer.Ordinal)
    {
        "resourceVersion", "uid", "creationTimestamp", "managedFields", "generation", "selfLink",
    };

    // Lists of a CRD schema the API server reads as sets: validation accepts the same objects
    // whatever their order (required properties, allowed values, the keys of a list-type map).
    private static readonly HashSet<string> SchemaSets = new(StringComparer.Ordinal) { "required", "enum", "x-kubernetes-list-map-keys" };

    // RBAC grants the union of its rules and of the entries in each rule.
    private static readonly HashSet<string> RbacRuleSets = new(StringComparer.Ordinal) { "verbs", "apiGroups", "resources", "resourceNames", "nonResourceURLs" };

    /// <summary>Compares two copies; each list holds at most <paramref name="max"/> field paths, in document order.</summary>
    public static ObjectDifference Compare(KubeObject a, KubeObject b, int max)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var profile = ProfileOf(a);
        var effective = new Walker(profile, ignoreDescriptions: true, ordered: false, max).Run(a.Body, b.Body);
        var ownership = new List<string>();
        foreach (var section in (string[])["labels", "annotations"])
        {
            var x = Descend(a.Body, "metadata", section);
            var y = Descend(b.Body, "metadata", section);
            if (ownership.Count < max) ownership.AddRange(KeyDifferences(x, y, "metadata." + section, max - ownership.Count));
        }

        // Other kinds have neither descriptions nor set-like lists, so nothing about them is cosmetic.
        var cosmetic = new List<string>();
        if (effective.Count == 0 && profile != Profile.Other)
        {
            // Each cosmetic kind is found with the other still ignored, so it is named once.
            if (profile == Profile.Crd && new Walker(profile, ignoreDescriptions: false, ordered: false, 1).Run(a.Body, b.Body).Count > 0)
            {
                cosmetic.Add("descriptions");
            }

            cosmetic.AddRange(new Walker(profile, ignoreDescriptions: true, ordered: true, max).Run(a.Body, b.Body).Select(p => "order of " + p));
        }

        return new ObjectDifference(effective, ownership, cosmetic);
    }

    /// <summary>Up to <paramref name="max"/> paths where two parts of a body differ in effect; <paramref name="path"/> names where they sit.</summary>
    internal static IReadOnlyList<string> EffectiveDifferences(KubeObject owner, JsonElement a, JsonElement b, string path, int max) =>
        new Walker(ProfileOf(owner), ignoreDescriptions: true, ordered: false, max).Run(a, b, path);

    /// <summary>
    /// Whether two copies of a CRD validate differently: the versions both declare are compared by
    /// name, schema against schema (v1beta1 CRDs keep one schema in <c>spec.validation</c>), with
    /// descriptions and the order of set-like lists ignored.
    /// </summary>
    public static bool SchemasDiffer(CrdInfo a, CrdInfo b)
    {
        if (DiffersAt(a.Object, a.Object.Body, b.Object.Body, "spec", "validation")) return true;
        foreach (var va in a.Versions)
        {
            var vb = b.Versions.FirstOrDefault(v => string.Equals(v.Name, va.Name, StringComparison.Ordinal));
            if (vb is null) continue;
            if (a.Object.TryGet(va.Path, out var ea) && b.Object.TryGet(vb.Path, out var eb) && DiffersAt(a.Object, ea, eb, "schema")) return true;
        }

        return false;
    }

    private static bool DiffersAt(KubeObject owner, JsonElement a, JsonElement b, params string[] path)
    {
        var x = DescendPath(a, path);
        var y = DescendPath(b, path);
        if (x is null || y is null) return x.HasValue != y.HasValue;
        // The path keeps 'openAPIV3Schema' below it, so schema lists are read as sets there too.
        return EffectiveDifferences(owner, x.Value, y.Value, "x." + string.Join(".", path), 1).Count > 0;
    }

    private static JsonElement? DescendPath(JsonElement e, string[] path)
    {
        foreach (var p in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(p, out e)) return null;
        }

        return e;
    }

    private static Profile ProfileOf(KubeObject o) => o switch
    {
        { Group: "apiextensions.k8s.io", Kind: "CustomResourceDefinition" } => Profile.Crd,
        { Group: "rbac.authorization.k8s.io", Kind: "ClusterRole" or "Role" } => Profile.Rbac,
        _ => Profile.Other,
    };

    private static JsonElement? Descend(JsonElement e, params string[] path)
    {
        foreach (var p in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(p, out e)) return null;
        }

        return e;
    }

    private static IEnumerable<string> KeyDifferences(JsonElement? a, JsonElement? b, string path, int max)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        if (a is { ValueKind: JsonValueKind.Object } x) foreach (var p in x.EnumerateObject()) keys.Add(p.Name);
        if (b is { ValueKind: JsonValueKind.Object } y) foreach (var p in y.EnumerateObject()) keys.Add(p.Name);
        return keys.Where(k => !string.Equals(Text(a, k), Text(b, k), StringComparison.Ordinal)).Take(max).Select(k => $"{path}[{k}]");
    }

    private static string? Text(JsonElement? e, string key) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : null;

    private enum Profile
    {
        Other,
        Crd,
        Rbac,
    }

    private enum ListKind
    {
        Ordered,
        Set,
        MapByName,
    }

    private sealed class Walker(Profile profile, bool ignoreDescriptions, bool ordered, int max)
    {
        private readonly List<string> _diffs = [];

        public List<string> Run(JsonElement a, JsonElement b, string path = "")
        {
            Walk(a, b, path, path.Length == 0 ? 0 : 1 + path.Count(c => c == '.'));
            return _diffs;
        }

        private void Walk(JsonElement a, JsonElement b, string path, int depth)
        {
            if (_diffs.Count >= max) return;
            if (a.ValueKind != b.ValueKind && !(IsBool(a) && IsBool(b)))
            {
                _diffs.Add(Display(path));
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
                        if (IsDescription(k, inA ? va : vb)) continue;
                        var child = path.Length == 0 ? k : path + "." + k;
                        if (inA != inB)
                        {
                            // An explicit null or empty value means the same as an absent one to the API server.
                            if (!IsEmpty(inA ? va : vb)) _diffs.Add(child);
                        }
                        else
                        {
                            Walk(va, vb, child, depth + 1);
                        }

                        if (_diffs.Count >= max) return;
                    }

                    return;
                case JsonValueKind.Array:
                    WalkArray(a, b, path, depth);
                    return;
                case JsonValueKind.String:
                    if (!string.Equals(a.GetString(), b.GetString(), StringComparison.Ordinal)) _diffs.Add(Display(path));
                    return;
                case JsonValueKind.Number:
                    if (!NumbersEqual(a, b)) _diffs.Add(Display(path));
                    return;
                case JsonValueKind.True or JsonValueKind.False:
                    if (a.ValueKind != b.ValueKind) _diffs.Add(Display(path));
                    return;
                default:
                    return;
            }
        }

        private void WalkArray(JsonElement a, JsonElement b, string path, int depth)
        {
            var kind = ListKindOf(path);
            if (kind == ListKind.Ordered || ordered)
            {
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    _diffs.Add(Display(path));
                    return;
                }

                if (kind == ListKind.MapByName && !a.EnumerateArray().Select(NameOf).SequenceEqual(b.EnumerateArray().Select(NameOf), StringComparer.Ordinal))
                {
                    _diffs.Add(Display(path));
                    return;
                }

                if (kind == ListKind.Set)
                {
                    // The unordered pass found the members equal: if they stand in another order,
                    // that order is the difference, named once at the list; otherwise look inside.
                    var x = a.EnumerateArray().Select(e => Canonical(e, path + "[]"));
                    var y = b.EnumerateArray().Select(e => Canonical(e, path + "[]"));
                    if (!x.SequenceEqual(y, StringComparer.Ordinal))
                    {
                        _diffs.Add(Display(path));
                        return;
                    }
                }

                var i = 0;
                using var eb = b.EnumerateArray().GetEnumerator();
                foreach (var ia in a.EnumerateArray())
                {
                    eb.MoveNext();
                    Walk(ia, eb.Current, $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]", depth + 1);
                    if (_diffs.Count >= max) return;
                    i++;
                }

                return;
            }

            if (kind == ListKind.MapByName)
            {
                var byName = b.EnumerateArray().Where(e => NameOf(e) is not null).ToDictionary(e => NameOf(e)!, StringComparer.Ordinal);
                var names = a.EnumerateArray().Select(NameOf).ToArray();
                if (names.Any(n => n is null) || byName.Count != b.GetArrayLength() || names.Length != byName.Count || names.Distinct(StringComparer.Ordinal).Count() != names.Length || names.Any(n => !byName.ContainsKey(n!)))
                {
                    if (!MultisetEqual(a, b, path)) _diffs.Add(Display(path));
                    return;
                }

                foreach (var ia in a.EnumerateArray())
                {
                    var n = NameOf(ia)!;
                    Walk(ia, byName[n], $"{path}[{n}]", depth + 1);
                    if (_diffs.Count >= max) return;
                }

                return;
            }

            if (!MultisetEqual(a, b, path)) _diffs.Add(Display(path));
        }

        private bool MultisetEqual(JsonElement a, JsonElement b, string path)
        {
            if (a.GetArrayLength() != b.GetArrayLength()) return false;
            var x = a.EnumerateArray().Select(e => Canonical(e, path + "[]")).Order(StringComparer.Ordinal).ToArray();
            var y = b.EnumerateArray().Select(e => Canonical(e, path + "[]")).Order(StringComparer.Ordinal).ToArray();
            return x.SequenceEqual(y, StringComparer.Ordinal);
        }

        private ListKind ListKindOf(string path)
        {
            var dot = path.LastIndexOf('.');
            var key = dot < 0 ? path : path[(dot + 1)..];
            return profile switch
            {
                Profile.Crd when path == "spec.versions" => ListKind.MapByName,
                Profile.Crd when path is "spec.names.shortNames" or "spec.names.categories" => ListKind.Set,
                Profile.Crd when SchemaSets.Contains(key) && path.Contains("openAPIV3Schema", StringComparison.Ordinal) => ListKind.Set,
                Profile.Rbac when path == "rules" => ListKind.Set,
                Profile.Rbac when path.StartsWith("rules[", StringComparison.Ordinal) && RbacRuleSets.Contains(key) => ListKind.Set,
                _ => ListKind.Ordered,
            };
        }

        // A string under the key 'description' documents a CRD schema or printer column; a property
        // named 'description' is an object (its schema), so it is still compared.
        private bool IsDescription(string key, JsonElement value) =>
            ignoreDescriptions && profile == Profile.Crd && value.ValueKind == JsonValueKind.String && string.Equals(key, "description", StringComparison.Ordinal);

        // The form two equal elements share: keys sorted, empty values and descriptions dropped,
        // nested sets sorted. Used for the members of set-like lists, which are small (CRD versions,
        // which are not, are paired by name instead).
        private string Canonical(JsonElement e, string path)
        {
            var sb = new StringBuilder();
            Write(e, path, sb);
            return sb.ToString();
        }

        private void Write(JsonElement e, string path, StringBuilder sb)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    sb.Append('{');
                    foreach (var p in e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                    {
                        if (IsEmpty(p.Value) || IsDescription(p.Name, p.Value)) continue;
                        sb.Append(JsonSerializer.Serialize(p.Name)).Append(':');
                        Write(p.Value, path + "." + p.Name, sb);
                        sb.Append(',');
                    }

                    sb.Append('}');
                    return;
                case JsonValueKind.Array:
                    var items = e.EnumerateArray().Select(i => Canonical(i, path + "[]"));
                    if (ListKindOf(path) != ListKind.Ordered) items = items.Order(StringComparer.Ordinal);
                    sb.Append('[').AppendJoin(',', items).Append(']');
                    return;
                case JsonValueKind.Number:
                    sb.Append(e.TryGetDecimal(out var d) ? d.ToString("G29", CultureInfo.InvariantCulture) : e.GetRawText());
                    return;
                case JsonValueKind.String:
                    sb.Append(JsonSerializer.Serialize(e.GetString()));
                    return;
                default:
                    sb.Append(e.ValueKind == JsonValueKind.Null ? "null" : e.ValueKind == JsonValueKind.True ? "true" : "false");
                    return;
            }
        }

        private static string? NameOf(JsonElement e) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;

        private static bool Ignored(string path, int depth, string key) =>
            (depth == 0 && key == "status")
            || (depth == 1 && path == "metadata" && (ServerMetadata.Contains(key) || key is "labels" or "annotations"));

        private static bool IsBool(JsonElement e) => e.ValueKind is JsonValueKind.True or JsonValueKind.False;

        private static bool NumbersEqual(JsonElement a, JsonElement b)
        {
            // 1 and 1.0 are the same quantity; compare as decimals when both fit, as text otherwise.
            if (a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y)) return x == y;
            return string.Equals(a.GetRawText(), b.GetRawText(), StringComparison.Ordinal);
        }

        private static string Display(string path) => path.Length == 0 ? "(the whole document)" : path;
    }

    private static bool IsEmpty(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => true,
        JsonValueKind.Object => !e.EnumerateObject().Any(),
        JsonValueKind.Array => e.GetArrayLength() == 0,
        _ => false,
    };
}
