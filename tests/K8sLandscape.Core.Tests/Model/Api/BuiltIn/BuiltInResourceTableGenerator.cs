using System.Text;
using System.Text.Json;
using K8sLandscape.Model.Api.BuiltIn;

namespace K8sLandscape.Core.Tests.Model.Api.BuiltIn;

/// <summary>
/// Builds the text of src/K8sLandscape.Core/Model/Api/BuiltIn/builtin-resources.tsv from kube-apiserver
/// discovery documents: aggregated discovery (apidiscovery.k8s.io/v2), APIResourceLists, and kyverno's
/// dump of a cluster's groups and resources. One row per group and kind; versions are the union over
/// all documents in Kubernetes priority order; subresources are left out.
/// </summary>
internal static class BuiltInResourceTableGenerator
{
    public const string Header = """
        # Built-in Kubernetes API resources, one row per group and kind (subresources excluded).
        # GENERATED from kube-apiserver discovery documents in shared/corpus/builtin-api by
        # tests/K8sLandscape.Core.Tests/Model/Api/BuiltIn/BuiltInResourceTableTests.cs; do not edit by hand.
        # Regenerate: K8SLANDSCAPE_REGENERATE=1 dotnet test tests/K8sLandscape.Core.Tests --filter BuiltInResourceTable
        # Columns: group (empty = core), kind, plural, singular, namespaced, versions (preferred first), shortNames, categories.
        """;

    public static string Generate(IEnumerable<(string Name, string Json)> documents)
    {
        var rows = new Dictionary<(string Group, string Kind), Row>();
        foreach (var (name, json) in documents)
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Array) ReadGroupResourceDump(root, rows);
            else if (Str(root, "kind") == "APIResourceList" || root.TryGetProperty("groupVersion", out _)) ReadResourceList(root, rows);
            else if (Str(root, "apiVersion")?.StartsWith("apidiscovery.k8s.io/", StringComparison.Ordinal) == true) ReadAggregated(root, rows);
            else throw new InvalidOperationException(name + " is not a discovery document this generator knows");
        }

        var sb = new StringBuilder(Header).Append('\n');
        foreach (var row in rows.Values.OrderBy(r => r.Group, StringComparer.Ordinal).ThenBy(r => r.Kind, StringComparer.Ordinal))
        {
            sb.Append(row.Group).Append('\t').Append(row.Kind).Append('\t').Append(row.Plural).Append('\t')
                .Append(row.Singular.Length > 0 ? row.Singular : row.Kind.ToLowerInvariant()).Append('\t')
                .Append(row.Namespaced ? "true" : "false").Append('\t')
                .Append(string.Join(',', row.Versions.Order(ApiVersionOrder.Instance))).Append('\t')
                .Append(string.Join(',', row.ShortNames)).Append('\t')
                .Append(string.Join(',', row.Categories)).Append('\n');
        }

        return sb.ToString();
    }

    // apidiscovery.k8s.io/v2: items[] = groups; versions[].resources[] with scope and responseKind.
    private static void ReadAggregated(JsonElement root, Dictionary<(string, string), Row> rows)
    {
        foreach (var group in root.GetProperty("items").EnumerateArray())
        {
            var groupName = group.GetProperty("metadata").TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty;
            foreach (var version in group.GetProperty("versions").EnumerateArray())
            {
                var v = version.GetProperty("version").GetString()!;
                foreach (var r in version.GetProperty("resources").EnumerateArray())
                {
                    var kind = r.GetProperty("responseKind").GetProperty("kind").GetString()!;
                    Merge(rows, groupName, v, kind, r.GetProperty("resource").GetString()!, Str(r, "singularResource"),
                        Str(r, "scope") == "Namespaced", Strings(r, "shortNames"), Strings(r, "categories"));
                }
            }
        }
    }

    // v1 APIResourceList: groupVersion plus resources[] (names with '/' are subresources).
    private static void ReadResourceList(JsonElement root, Dictionary<(string, string), Row> rows)
    {
        var gv = root.GetProperty("groupVersion").GetString()!;
        var slash = gv.LastIndexOf('/');
        var (group, version) = slash < 0 ? (string.Empty, gv) : (gv[..slash], gv[(slash + 1)..]);
        ReadResources(root.GetProperty("resources"), group, version, rows);
    }

    // kyverno's dump: [{Group: {name, versions}, VersionedResources: {version: [APIResource]}}].
    private static void ReadGroupResourceDump(JsonElement root, Dictionary<(string, string), Row> rows)
    {
        foreach (var item in root.EnumerateArray())
        {
            var group = item.GetProperty("Group").GetProperty("name").GetString() ?? string.Empty;
            foreach (var versioned in item.GetProperty("VersionedResources").EnumerateObject())
                ReadResources(versioned.Value, group, versioned.Name, rows);
        }
    }

    private static void ReadResources(JsonElement resources, string group, string version, Dictionary<(string, string), Row> rows)
    {
        foreach (var r in resources.EnumerateArray())
        {
            var name = r.GetProperty("name").GetString()!;
            if (name.Contains('/', StringComparison.Ordinal)) continue;
            Merge(rows, group, version, r.GetProperty("kind").GetString()!, name, Str(r, "singularName"),
                r.TryGetProperty("namespaced", out var ns) && ns.GetBoolean(), Strings(r, "shortNames"), Strings(r, "categories"));
        }
    }

    private static void Merge(Dictionary<(string, string), Row> rows, string group, string version, string kind, string plural, string? singular, bool namespaced, List<string> shortNames, List<string> categories)
    {
        if (!rows.TryGetValue((group, kind), out var row)) rows[(group, kind)] = row = new Row(group, kind, plural, namespaced);
        if (!row.Versions.Contains(version)) row.Versions.Add(version);
        if (row.Singular.Length == 0 && !string.IsNullOrEmpty(singular)) row.Singular = singular;
        foreach (var s in shortNames) if (!row.ShortNames.Contains(s)) row.ShortNames.Add(s);
        foreach (var c in categories) if (!row.Categories.Contains(c)) row.Categories.Add(c);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(x => x.GetString()!).ToList() : [];

    private sealed class Row(string group, string kind, string plural, bool namespaced)
    {
        public string Group { get; } = group;

        public string Kind { get; } = kind;

        public string Plural { get; } = plural;

        public bool Namespaced { get; } = namespaced;

        public string Singular { get; set; } = string.Empty;

        public List<string> Versions { get; } = [];

        public List<string> ShortNames { get; } = [];

        public List<string> Categories { get; } = [];
    }
}
