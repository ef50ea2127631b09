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
        w.WritePropertyName("schemaVersion");
        w.WriteValue(SchemaVersion);
        w.WritePropertyName("kubernetesVersion");
        w.WriteValue(landscape.KubernetesVersion.ToString());
        w.WritePropertyName("objectCount");
        w.WriteValue(landscape.Objects.All.Count);

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
            w.WritePropertyName(kind.ToString());
            w.WriteValue(LayerName(layer));
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
        w.WritePropertyName("id");
        w.WriteValue(c.Id);
        w.WritePropertyName("name");
        w.WriteValue(c.Definition.Name);
        w.WritePropertyName("category");
        w.WriteValue(c.Definition.Category);
        w.WritePropertyName("provides");
        WriteStrings(w, c.Definition.Provides);
        w.WritePropertyName("recognizedBy");
        w.WriteStartArray();
        foreach (var e in c.Evidence)
        {
            w.WriteStartObject();
            w.WritePropertyName("fingerprint");
            w.WriteValue(e.Fingerprint);
            w.WritePropertyName("value");
            w.WriteValue(e.Value);
            w.WritePropertyName("path");
            w.WriteValue(e.Object.Location.Path);
            w.WritePropertyName("line");
            w.WriteValue(e.Object.Location.Line);
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
            w.WritePropertyName("version");
            w.WriteValue(v.Version);
            w.WritePropertyName("source");
            w.WriteValue(v.Source);
            w.WritePropertyName("detail");
            w.WriteValue(v.Detail);
            w.WritePropertyName("path");
            w.WriteValue(v.Object.Location.Path);
            w.WritePropertyName("line");
            w.WriteValue(v.Object.Location.Line);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WritePropertyName("objects");
        WriteObjects(w, c.Objects);
        if (landscape.Network.Plugins.FirstOrDefault(p => p.Id == c.Id) is { } plugin)
        {
            w.WritePropertyName("cniRole");
            w.WriteValue(plugin.Role);
            w.WritePropertyName("cniRoleEvidence");
            w.WriteStartArray();
            foreach (var e in plugin.RoleEvidence)
            {
                w.WriteStartObject();
                w.WritePropertyName("role");
                w.WriteValue(e.Role);
                w.WritePropertyName("reason");
                w.WriteValue(e.Reason);
                w.WritePropertyName("path");
                w.WriteValue(e.Object.Location.Path);
                w.WritePropertyName("line");
                w.WriteValue(e.Path is null ? e.Object.Location.Line : e.Object.LocationOf(e.Path).Line);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WritePropertyName("installations");
        w.WriteStartArray();
        foreach (var i in landscape.Lifecycle.InstallationsOf(c.Id))
        {
            w.WriteStartObject();
            w.WritePropertyName("namespace");
            w.WriteValue(i.Namespace);
            w.WritePropertyName("instance");
            w.WriteValue(i.Instance);
            w.WritePropertyName("instanceSource");
            w.WriteValue(i.InstanceSource);
            w.WritePropertyName("workloads");
            w.WriteStartArray();
            foreach (var installed in i.Workloads)
            {
                var o = installed.Workload.Object;
                w.WriteStartObject();
                w.WritePropertyName("kind");
                w.WriteValue(o.Kind);
                w.WritePropertyName("name");
                w.WriteValue(o.Name);
                w.WritePropertyName("role");
                w.WriteValue(installed.Role);
                w.WritePropertyName("path");
                w.WriteValue(o.Location.Path);
                w.WritePropertyName("line");
                w.WriteValue(o.Location.Line);
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
        w.WritePropertyName("area");
        w.WriteValue(p.Area);
        w.WritePropertyName("name");
        w.WriteValue(p.Name);
        w.WritePropertyName("expectsSingle");
        w.WriteValue(p.ExpectsSingle);
        w.WritePropertyName("implementationCount");
        w.WriteValue(p.Implementations.Count);
        w.WritePropertyName("implementations");
        w.WriteStartArray();
        foreach (var i in p.Implementations)
        {
            w.WriteStartObject();
            w.WritePropertyName("id");
            w.WriteValue(i.Id);
            w.WritePropertyName("name");
            w.WriteValue(i.Name);
            w.WritePropertyName("recognized");
            w.WriteValue(i.Recognized);
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
            w.WritePropertyName("apiVersion");
            w.WriteValue(o.ApiVersion);
            w.WritePropertyName("kind");
            w.WriteValue(o.Kind);
            w.WritePropertyName("namespace");
            w.WriteValue(o.Namespace);
            w.WritePropertyName("name");
            w.WriteValue(o.Name);
            w.WritePropertyName("path");
            w.WriteValue(o.Location.Path);
            w.WritePropertyName("line");
            w.WriteValue(o.Location.Line);
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
