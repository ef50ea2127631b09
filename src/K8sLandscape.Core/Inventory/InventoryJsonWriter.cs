using K8sLandscape.Json;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Versions;
using Newtonsoft.Json;

namespace K8sLandscape.Inventory;

/// <summary>
/// Writes the landscape as the inventory JSON that tooling relies on: a top-level
/// <c>components</c> array (id, name, category, provides, recognizedBy, versions, versionEvidence, objects), the
/// <c>extensionPoints</c> with their implementations, and the layer of every kind present.
/// Property order and item order are fixed, so the same input gives byte-identical output.
/// </summary>
public static class InventoryJsonWriter
{
    /// <summary>The version of this JSON shape; bumped on breaking changes.</summary>
    public const string SchemaVersion = "1.0";

    /// <summary>Writes the inventory of <paramref name="landscape"/> to <paramref name="output"/>.</summary>
    public static void Write(Landscape landscape, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(landscape);
        ArgumentNullException.ThrowIfNull(output);
        using var w = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartObject();
        w.Property("schemaVersion", SchemaVersion);
        w.Property("kubernetesVersion", landscape.KubernetesVersion.ToString());
        w.Property("objectCount", landscape.Objects.All.Count);

        w.WritePropertyName("components");
        w.WriteStartArray();
        foreach (var c in landscape.Components) WriteComponent(w, c, landscape);
        w.WriteEndArray();

        w.WritePropertyName("extensionPoints");
        w.WriteStartArray();
        foreach (var p in landscape.ExtensionPoints) WriteExtensionPoint(w, p);
        w.WriteEndArray();

        w.WritePropertyName("layers");
        w.WriteStartObject();
        foreach (var (kind, layer) in landscape.Layers.Layers.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal))
        {
            w.Property(kind.ToString(), LayerName(layer));
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        output.WriteLine();
    }

    /// <summary>The JSON and text name of a layer.</summary>
    public static string LayerName(ResourceLayer layer) => layer switch
    {
        ResourceLayer.Resource => "resource",
        ResourceLayer.Scheduling => "scheduling",
        ResourceLayer.IsolationAndServiceAccess => "isolation-and-service-access",
        ResourceLayer.Application => "application",
        _ => "unknown",
    };

    private static void WriteComponent(JsonWriter w, RecognizedComponent c, Landscape landscape)
    {
        w.WriteStartObject();
        w.Property("id", c.Id);
        w.Property("name", c.Definition.Name);
        w.Property("category", c.Definition.Category);
        w.WritePropertyName("provides");
        WriteStrings(w, c.Definition.Provides);
        w.WritePropertyName("recognizedBy");
        w.WriteStartArray();
        foreach (var e in c.Evidence)
        {
            w.WriteStartObject();
            w.Property("fingerprint", e.Fingerprint);
            w.Property("value", e.Value);
            w.Property("path", e.Object.Location.Path);
            w.Property("line", e.Object.Location.Line);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        var versions = VersionReader.Of(c);
        w.WritePropertyName("versions");
        WriteStrings(w, versions.Versions);
        w.WritePropertyName("versionEvidence");
        w.WriteStartArray();
        foreach (var v in versions.Evidence)
        {
            w.WriteStartObject();
            w.Property("version", v.Version);
            w.Property("source", v.Source);
            w.Property("detail", v.Detail);
            w.Property("path", v.Object.Location.Path);
            w.Property("line", v.Object.Location.Line);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WritePropertyName("objects");
        WriteObjects(w, c.Objects);
        if (landscape.Network.Plugins.FirstOrDefault(p => p.Id == c.Id) is { } plugin)
        {
            w.Property("cniRole", plugin.Role);
            w.WritePropertyName("cniRoleEvidence");
            w.WriteStartArray();
            foreach (var e in plugin.RoleEvidence)
            {
                w.WriteStartObject();
                w.Property("role", e.Role);
                w.Property("reason", e.Reason);
                w.Property("path", e.Object.Location.Path);
                w.Property("line", e.Path is null ? e.Object.Location.Line : e.Object.LocationOf(e.Path).Line);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WritePropertyName("installations");
        w.WriteStartArray();
        foreach (var i in landscape.Lifecycle.InstallationsOf(c.Id))
        {
            w.WriteStartObject();
            w.Property("namespace", i.Namespace);
            w.Property("instance", i.Instance);
            w.Property("instanceSource", i.InstanceSource);
            w.WritePropertyName("workloads");
            w.WriteStartArray();
            foreach (var installed in i.Workloads)
            {
                var o = installed.Workload.Object;
                w.WriteStartObject();
                w.Property("kind", o.Kind);
                w.Property("name", o.Name);
                w.Property("role", installed.Role);
                w.Property("path", o.Location.Path);
                w.Property("line", o.Location.Line);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteExtensionPoint(JsonWriter w, ExtensionPoint p)
    {
        w.WriteStartObject();
        w.Property("area", p.Area);
        w.Property("name", p.Name);
        w.Property("expectsSingle", p.ExpectsSingle);
        w.Property("implementationCount", p.Implementations.Count);
        w.WritePropertyName("implementations");
        w.WriteStartArray();
        foreach (var i in p.Implementations)
        {
            w.WriteStartObject();
            w.Property("id", i.Id);
            w.Property("name", i.Name);
            w.Property("recognized", i.Recognized);
            w.WritePropertyName("objects");
            WriteObjects(w, i.Objects);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes objects as <c>apiVersion</c>, <c>kind</c>, <c>namespace</c>, <c>name</c>, <c>path</c>, <c>line</c>.</summary>
    public static void WriteObjects(JsonWriter w, IEnumerable<KubeObject> objects)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(objects);
        w.WriteStartArray();
        foreach (var o in objects)
        {
            w.WriteStartObject();
            w.Property("apiVersion", o.ApiVersion);
            w.Property("kind", o.Kind);
            w.Property("namespace", o.Namespace);
            w.Property("name", o.Name);
            w.Property("path", o.Location.Path);
            w.Property("line", o.Location.Line);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteStrings(JsonWriter w, IEnumerable<string> values)
    {
        w.WriteStartArray();
        foreach (var v in values) w.WriteValue(v);
        w.WriteEndArray();
    }
}
