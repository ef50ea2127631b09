using System.Text.Encodings.Web;
using System.Text.Json;
using K8sLandscape.Loading;

namespace K8sLandscape.Bench.Harness;

/// <summary>
/// Writes the objects of a YAML dump as one JSON <c>kind: List</c> indented by four spaces, the
/// shape <c>kubectl get ... -A -o json</c> prints for a whole cluster: the same objects in the same
/// order, so both forms must give the same findings.
/// </summary>
internal static class JsonListConverter
{
    public static int Run(string input, string output)
    {
        var load = new ManifestLoader().Load(input);
        if (load.Diagnostics.Count > 0) throw new ArgumentException($"{input} has {load.Diagnostics.Count} load diagnostic(s); convert a clean dump");
        using (var stream = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, IndentSize = 4, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("apiVersion", "v1");
            writer.WriteStartArray("items");
            foreach (var o in load.Objects) o.Body.WriteTo(writer);
            writer.WriteEndArray();
            writer.WriteString("kind", "List");
            writer.WriteStartObject("metadata");
            writer.WriteString("resourceVersion", string.Empty);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        Console.WriteLine(FormattableString.Invariant($"wrote {output}: {load.Objects.Count:N0} objects as one JSON List, {new FileInfo(output).Length:N0} bytes"));
        return 0;
    }
}
