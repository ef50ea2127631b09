using System.Text.Json;
using K8sLandscape.Json;
using Newtonsoft.Json;

namespace K8sLandscape.Analyzers.Fleet;

/// <summary>
/// The JSON form of a <see cref="LandscapeSummary"/> (<c>docs/fleet-schema.json</c>, definition
/// <c>landscapeSummary</c>): written on its own, inside the <c>analyze</c> JSON report as
/// <c>landscapeSummary</c>, and read back by <c>compare</c> and <c>fleet</c>.
/// </summary>
public static class LandscapeSummaryJson
{
    /// <summary>The value of <c>kind</c> that marks a summary document.</summary>
    public const string Kind = "LandscapeSummary";

    /// <summary>The version of this JSON shape; bumped on breaking changes.</summary>
    public const string SchemaVersion = "1.0";

    /// <summary>The property of the <c>analyze</c> JSON report that carries the summary.</summary>
    public const string ReportProperty = "landscapeSummary";

    /// <summary>Writes <paramref name="summary"/> as one JSON object.</summary>
    public static void Write(JsonWriter w, LandscapeSummary summary)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(summary);
        w.WriteStartObject();
        w.Property("schemaVersion", SchemaVersion);
        w.Property("kind", Kind);
        w.Property("name", summary.Name);
        w.Property("source", summary.Source);
        w.Property("kubernetesVersion", summary.KubernetesVersion);
        w.Property("objects", summary.ObjectCount);
        w.Property("loadErrors", summary.LoadErrors);
        w.WritePropertyName("extensionPoints");
        w.WriteStartArray();
        foreach (var p in summary.Points)
        {
            w.WriteStartObject();
            w.Property("area", p.Area);
            w.Property("name", p.Name);
            w.Property("expectsSingle", p.ExpectsSingle);
            w.WritePropertyName("implementations");
            w.WriteStartArray();
            foreach (var i in p.Implementations) WriteImplementation(w, i);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WritePropertyName("components");
        w.WriteStartArray();
        foreach (var c in summary.Components)
        {
            w.WriteStartObject();
            w.Property("id", c.Id);
            w.Property("name", c.Name);
            w.Property("category", c.Category);
            w.Strings("versions", c.Versions);
            w.Property("versionSource", c.VersionSource);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WritePropertyName("findings");
        w.WriteStartArray();
        foreach (var f in summary.Findings) WriteFinding(w, f);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes <paramref name="summary"/> as an indented JSON document.</summary>
    public static void Write(TextWriter output, LandscapeSummary summary)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var w = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        Write(w, summary);
        w.Flush();
        output.WriteLine();
    }

    /// <summary>Writes one implementation: id, name, recognized, versions, settings.</summary>
    public static void WriteImplementation(JsonWriter w, SummaryImplementation i)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(i);
        w.WriteStartObject();
        w.Property("id", i.Id);
        w.Property("name", i.Name);
        w.Property("recognized", i.Recognized);
        w.Strings("versions", i.Versions);
        w.WritePropertyName("settings");
        w.WriteStartObject();
        foreach (var (k, v) in i.Settings) w.Property(k, v);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Writes one finding: ruleId, severity, message, subject.</summary>
    public static void WriteFinding(JsonWriter w, SummaryFinding f)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(f);
        w.WriteStartObject();
        w.Property("ruleId", f.RuleId);
        w.Property("severity", f.Severity);
        w.Property("message", f.Message);
        w.Property("subject", f.Subject);
        w.WriteEndObject();
    }

    /// <summary>
    /// The summary a JSON document carries: a summary document itself (<c>kind: LandscapeSummary</c>)
    /// or an <c>analyze</c> report with <c>landscapeSummary</c>; null when it carries none.
    /// </summary>
    /// <exception cref="FormatException">The summary is there but malformed (the message says where).</exception>
    public static LandscapeSummary? Find(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        if (root.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == Kind) return Read(root);
        if (root.TryGetProperty(ReportProperty, out var inner) && inner.ValueKind == JsonValueKind.Object) return Read(inner);
        return null;
    }

    /// <summary>Reads a summary object.</summary>
    /// <exception cref="FormatException">A required field is missing or has the wrong type.</exception>
    public static LandscapeSummary Read(JsonElement e)
    {
        var version = Str(e, "schemaVersion", "");
        if (version != SchemaVersion) throw new FormatException($"landscape summary schemaVersion '{version}' is not supported (expected '{SchemaVersion}')");
        return new LandscapeSummary
        {
            Name = Str(e, "name", ""),
            Source = Str(e, "source", ""),
            KubernetesVersion = Str(e, "kubernetesVersion", ""),
            ObjectCount = Int(e, "objects", ""),
            LoadErrors = Int(e, "loadErrors", ""),
            Points = Items(e, "extensionPoints", "").Select((p, n) =>
            {
                var at = $"extensionPoints[{n}]";
                return new SummaryPoint(Str(p, "area", at), Str(p, "name", at), Bool(p, "expectsSingle", at),
                    Items(p, "implementations", at).Select((i, m) => ReadImplementation(i, $"{at}.implementations[{m}]")).ToArray());
            }).ToArray(),
            Components = Items(e, "components", "").Select((c, n) =>
            {
                var at = $"components[{n}]";
                return new SummaryComponent(Str(c, "id", at), Str(c, "name", at), Str(c, "category", at), StringList(c, "versions", at), OptStr(c, "versionSource"));
            }).ToArray(),
            Findings = Items(e, "findings", "").Select((f, n) =>
            {
                var at = $"findings[{n}]";
                return new SummaryFinding(Str(f, "ruleId", at), Str(f, "severity", at), Str(f, "message", at), OptStr(f, "subject"));
            }).ToArray(),
        };
    }

    private static SummaryImplementation ReadImplementation(JsonElement i, string at)
    {
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (i.TryGetProperty("settings", out var s) && s.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in s.EnumerateObject())
            {
                if (p.Value.ValueKind != JsonValueKind.String) throw new FormatException($"{at}.settings.{p.Name} must be a string");
                settings[p.Name] = p.Value.GetString()!;
            }
        }

        return new SummaryImplementation(Str(i, "id", at), Str(i, "name", at), Bool(i, "recognized", at), StringList(i, "versions", at), settings);
    }

    private static string Where(string at, string name) => at.Length == 0 ? name : at + "." + name;

    private static string Str(JsonElement e, string name, string at) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new FormatException($"{Where(at, name)} must be a string");

    private static string? OptStr(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Int(JsonElement e, string name, string at) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : throw new FormatException($"{Where(at, name)} must be an integer");

    private static bool Bool(JsonElement e, string name, string at) =>
        e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : throw new FormatException($"{Where(at, name)} must be true or false");

    private static JsonElement[] Items(JsonElement e, string name, string at) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().ToArray() : throw new FormatException($"{Where(at, name)} must be an array");

    private static string[] StringList(JsonElement e, string name, string at) =>
        Items(e, name, at).Select((v, n) => v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new FormatException($"{Where(at, name)}[{n}] must be a string")).ToArray();
}
