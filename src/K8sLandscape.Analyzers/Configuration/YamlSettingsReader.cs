using System.Globalization;
using System.Text.Json;
using K8sLandscape.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace K8sLandscape.Analyzers.Configuration;

/// <summary>
/// Turns a YAML mapping of rule settings into JSON, typing plain scalars as YAML 1.2's core schema
/// does (<c>true</c>, <c>3</c>, <c>0.5</c>, <c>null</c>; quoted values stay strings), and keeps each
/// key's position under the path System.Text.Json names in its errors (<c>a.b</c>, <c>a[0]</c>).
/// </summary>
internal static class YamlSettingsReader
{
    public static RuleSettings Read(YamlMappingNode node, string key, SourceSpan source, string path)
    {
        var locations = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            Write(w, node, string.Empty, locations, path);
        }

        using var doc = JsonDocument.Parse(buffer.ToArray());
        return new RuleSettings(doc.RootElement.Clone(), key, source, locations);
    }

    private static void Write(Utf8JsonWriter w, YamlNode node, string at, Dictionary<string, SourceSpan> locations, string file)
    {
        switch (node)
        {
            case YamlMappingNode map:
                w.WriteStartObject();
                foreach (var (k, v) in map.Children)
                {
                    var name = ((k as YamlScalarNode)?.Value) ?? string.Empty;
                    var child = at.Length == 0 ? name : $"{at}.{name}";
                    locations.TryAdd(child, new SourceSpan(file, (int)k.Start.Line, (int)k.Start.Column));
                    w.WritePropertyName(name);
                    Write(w, v, child, locations, file);
                }

                w.WriteEndObject();
                break;
            case YamlSequenceNode seq:
                w.WriteStartArray();
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    var item = seq.Children[i];
                    var child = $"{at}[{i}]";
                    locations.TryAdd(child, new SourceSpan(file, (int)item.Start.Line, (int)item.Start.Column));
                    Write(w, item, child, locations, file);
                }

                w.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(w, scalar);
                break;
            default:
                w.WriteNullValue();
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter w, YamlScalarNode scalar)
    {
        var v = scalar.Value;
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            w.WriteStringValue(v ?? string.Empty);
            return;
        }

        switch (v)
        {
            case null or "" or "~" or "null" or "Null" or "NULL":
                w.WriteNullValue();
                return;
            case "true" or "True" or "TRUE":
                w.WriteBooleanValue(true);
                return;
            case "false" or "False" or "FALSE":
                w.WriteBooleanValue(false);
                return;
        }

        if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) w.WriteNumberValue(l);
        else if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && v.Any(char.IsAsciiDigit)) w.WriteNumberValue(d);
        else w.WriteStringValue(v);
    }
}
