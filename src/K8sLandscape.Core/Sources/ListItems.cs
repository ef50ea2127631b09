using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using K8sLandscape.Loading;

namespace K8sLandscape.Sources;

/// <summary>
/// Turns the items of a list answer into objects. List items come without <c>apiVersion</c> and
/// <c>kind</c> (the list carries them), so both are put back first, as a manifest would have them.
/// </summary>
internal static class ListItems
{
    /// <summary>
    /// The Secret annotations kept, by prefix: Helm's release annotations (which release owns the
    /// Secret) and this tool's suppression annotations. Every other value is dropped, first among them
    /// <c>kubectl.kubernetes.io/last-applied-configuration</c>, which holds the whole Secret, data
    /// included, when it was created with <c>kubectl apply</c>.
    /// </summary>
    internal static IReadOnlyList<string> KeptSecretAnnotationPrefixes { get; } = ["meta.helm.sh/", "k8s-landscape.io/"];

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
        MaxDepth = 512,
    };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    public static KubeObject ToObject(JsonElement item, ServedResource served, bool metadataOnly, string context)
    {
        var isSecret = served.Group.Length == 0 && served.Kind == "Secret";
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1 << 14);
        buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("apiVersion", served.ApiVersion);
            w.WriteString("kind", served.Kind);
            foreach (var p in item.EnumerateObject())
            {
                if (p.NameEquals("apiVersion") || p.NameEquals("kind")) continue;
                // A metadata-only answer has nothing else; this keeps it so even if a server adds fields.
                if (metadataOnly && !p.NameEquals("metadata")) continue;
                if (isSecret && p.NameEquals("metadata") && p.Value.ValueKind == JsonValueKind.Object) WriteSecretMetadata(w, p.Value);
                else p.WriteTo(w);
            }

            w.WriteEndObject();
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan, new JsonReaderOptions { MaxDepth = 512 });
        var body = JsonElement.ParseValue(ref reader);
        string? ns = null;
        var name = string.Empty;
        if (body.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object)
        {
            if (meta.TryGetProperty("namespace", out var n) && n.ValueKind == JsonValueKind.String) ns = n.GetString();
            if (meta.TryGetProperty("name", out var nm) && nm.ValueKind == JsonValueKind.String) name = nm.GetString() ?? string.Empty;
        }

        var path = "/" + served.ListPath(string.IsNullOrEmpty(ns) ? null : ns) + "/" + name;
        return new KubeObject(body, new SourceSpan(ClusterLocation.For(context, path), 0, 0));
    }

    private static void WriteSecretMetadata(Utf8JsonWriter w, JsonElement metadata)
    {
        w.WritePropertyName("metadata");
        w.WriteStartObject();
        foreach (var p in metadata.EnumerateObject())
        {
            if (!p.NameEquals("annotations"))
            {
                p.WriteTo(w);
                continue;
            }

            if (p.Value.ValueKind != JsonValueKind.Object) continue;

            var kept = p.Value.EnumerateObject().Where(a => KeptSecretAnnotationPrefixes.Any(k => a.Name.StartsWith(k, StringComparison.Ordinal))).ToArray();
            if (kept.Length == 0) continue;
            w.WritePropertyName("annotations");
            w.WriteStartObject();
            foreach (var a in kept) a.WriteTo(w);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
