using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using K8sLandscape.Loading.Trees;
using K8sLandscape.Loading.Yaml;

namespace K8sLandscape.Loading;

/// <summary>
/// Writes a document tree once into compact JSON (the object's immutable body) and records the line
/// of every node in pre-order, the order <see cref="FieldPath.IndexOf"/> walks.
/// </summary>
internal static class BodyWriter
{
    /// <summary>The writer settings of every body: compact, unescaped where JSON allows, no validation (the input is a tree or a parser's events).</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
        MaxDepth = KubeJson.MaxDepth,
    };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static List<int>? t_lines;

    /// <summary>
    /// Writes the body and its line table; both are kept in <paramref name="arena"/> when one is given.
    /// A mapping read straight from parser events (<see cref="MappingNode.Prewritten"/>) already has both.
    /// </summary>
    public static (ReadOnlyMemory<byte> Json, LineTable Lines) Write(Node root, BodyArena? arena = null)
    {
        if (root is MappingNode { Prewritten: { } prewritten }) return prewritten;

        var (buffer, lines) = Rent();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteNode(writer, root, root.Line, lines);
        }

        return Keep(buffer, lines, arena);
    }

    /// <summary>This thread's empty body buffer and line list, for one body at a time.</summary>
    public static (ArrayBufferWriter<byte> Buffer, List<int> Lines) Rent()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1 << 16);
        buffer.ResetWrittenCount();
        var lines = t_lines ??= new List<int>(256);
        lines.Clear();
        return (buffer, lines);
    }

    /// <summary>Copies a written body and its lines out of the rented buffers, into <paramref name="arena"/> when one is given.</summary>
    public static (ReadOnlyMemory<byte> Json, LineTable Lines) Keep(ArrayBufferWriter<byte> buffer, List<int> lines, BodyArena? arena)
    {
        var json = arena is null ? buffer.WrittenSpan.ToArray() : arena.Keep(buffer.WrittenSpan);
        return (json, LineTable.Encode(lines, arena));
    }

    private static void WriteNode(Utf8JsonWriter w, Node node, int line, List<int> lines)
    {
        lines.Add(line);
        switch (node)
        {
            case MappingNode map:
                w.WriteStartObject();
                foreach (var e in map.Entries)
                {
                    w.WritePropertyName(e.Key);
                    WriteNode(w, e.Value, e.KeyLine, lines);
                }

                w.WriteEndObject();
                break;
            case SequenceNode seq:
                w.WriteStartArray();
                foreach (var item in seq.Items) WriteNode(w, item, item.Line, lines);
                w.WriteEndArray();
                break;
            case ScalarNode s:
                WriteScalar(w, s.Kind, s.Text);
                break;
        }
    }

    /// <summary>Writes a scalar as JSON: null, a boolean, a finite number, or else its text as a string.</summary>
    public static void WriteScalar(Utf8JsonWriter w, ScalarKind kind, string text)
    {
        switch (kind)
        {
            case ScalarKind.Null:
                w.WriteNullValue();
                return;
            case ScalarKind.Boolean:
                w.WriteBooleanValue(YamlScalarResolver.IsTrue(text));
                return;
            case ScalarKind.Integer when YamlScalarResolver.TryParseInteger(text, out var l):
                w.WriteNumberValue(l);
                return;
            case ScalarKind.Integer or ScalarKind.Float when TryFiniteDouble(text, out var d):
                w.WriteNumberValue(d);
                return;
            default:
                w.WriteStringValue(text);
                return;
        }
    }

    private static bool TryFiniteDouble(string text, out double value) =>
        YamlScalarResolver.TryParseFloat(text, out value) && double.IsFinite(value)
        || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
