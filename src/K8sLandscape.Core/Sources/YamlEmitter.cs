using System.Globalization;
using System.Text;
using System.Text.Json;
using K8sLandscape.Loading.Trees;
using K8sLandscape.Loading.Yaml;

namespace K8sLandscape.Sources;

/// <summary>
/// Writes a JSON body as block-style YAML that reads back to the same JSON: a string is written
/// plain only when no YAML 1.1 or 1.2 reader could take it for anything else (a number, a boolean,
/// a date, an indicator), as a literal block when it is multi-line text, and double-quoted otherwise.
/// </summary>
internal static class YamlEmitter
{
    public static void WriteDocument(TextWriter w, JsonElement body)
    {
        if (body.ValueKind == JsonValueKind.Object && HasProperties(body)) WriteEntries(w, body, 0, string.Empty);
        else
        {
            WriteInline(w, body, 0);
            w.Write('\n');
        }
    }

    private static void WriteEntries(TextWriter w, JsonElement obj, int indent, string firstPrefix)
    {
        var first = true;
        foreach (var p in obj.EnumerateObject())
        {
            w.Write(first ? firstPrefix : new string(' ', indent));
            first = false;
            WriteString(w, p.Name, indent, allowBlock: false);
            w.Write(':');
            WriteValue(w, p.Value, indent);
        }
    }

    // Writes what follows "key:" or "-": the value on the same line, or nested below at indent + 2.
    private static void WriteValue(TextWriter w, JsonElement value, int indent)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when HasProperties(value):
                w.Write('\n');
                WriteEntries(w, value, indent + 2, new string(' ', indent + 2));
                return;
            case JsonValueKind.Array when value.GetArrayLength() > 0:
                w.Write('\n');
                WriteItems(w, value, indent + 2);
                return;
            default:
                w.Write(' ');
                WriteInline(w, value, indent + 2);
                w.Write('\n');
                return;
        }
    }

    private static void WriteItems(TextWriter w, JsonElement array, int indent)
    {
        foreach (var item in array.EnumerateArray())
        {
            var dash = new string(' ', indent) + "- ";
            switch (item.ValueKind)
            {
                case JsonValueKind.Object when HasProperties(item):
                    WriteEntries(w, item, indent + 2, dash);
                    break;
                case JsonValueKind.Array when item.GetArrayLength() > 0:
                    w.Write(new string(' ', indent));
                    w.Write("-\n");
                    WriteItems(w, item, indent + 2);
                    break;
                default:
                    w.Write(dash);
                    WriteInline(w, item, indent + 2);
                    w.Write('\n');
                    break;
            }
        }
    }

    private static void WriteInline(TextWriter w, JsonElement value, int blockIndent)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                w.Write("{}");
                break;
            case JsonValueKind.Array:
                w.Write("[]");
                break;
            case JsonValueKind.String:
                WriteString(w, value.GetString()!, blockIndent, allowBlock: true);
                break;
            case JsonValueKind.Number:
                w.Write(value.GetRawText());
                break;
            case JsonValueKind.True:
                w.Write("true");
                break;
            case JsonValueKind.False:
                w.Write("false");
                break;
            default:
                w.Write("null");
                break;
        }
    }

    private static void WriteString(TextWriter w, string s, int blockIndent, bool allowBlock)
    {
        if (IsPlainSafe(s))
        {
            w.Write(s);
            return;
        }

        if (allowBlock && LiteralChomping(s) is { } indicator)
        {
            w.Write(indicator);
            var pad = new string(' ', blockIndent);
            var body = s.EndsWith('\n') ? s[..^1] : s;
            foreach (var line in body.Split('\n'))
            {
                w.Write('\n');
                if (line.Length > 0)
                {
                    w.Write(pad);
                    w.Write(line);
                }
            }

            return;
        }

        WriteQuoted(w, s);
    }

    /// <summary>"|" or "|-" when the text survives a literal block unchanged, else null.</summary>
    private static string? LiteralChomping(string s)
    {
        if (!s.Contains('\n', StringComparison.Ordinal) || s[0] is ' ' or '\n') return null;
        if (s.EndsWith("\n\n", StringComparison.Ordinal)) return null;
        var lineStart = true;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\n')
            {
                if (i > 0 && s[i - 1] == ' ') return null; // trailing spaces are invisible and fragile
                lineStart = true;
                continue;
            }

            if (lineStart && c == ' ' && i > 0 && IsOnlySpacesToEol(s, i)) return null;
            lineStart = false;
            if (NeedsEscape(c) || c == '\t') return null;
        }

        if (s[^1] == ' ') return null;
        return s.EndsWith('\n') ? "|" : "|-";
    }

    private static bool IsOnlySpacesToEol(string s, int i)
    {
        for (; i < s.Length && s[i] != '\n'; i++)
        {
            if (s[i] != ' ') return false;
        }

        return true;
    }

    private static bool IsPlainSafe(string s)
    {
        if (s.Length == 0) return false;
        var c0 = s[0];
        // Digits first could be a number, a date or a sexagesimal to some reader; punctuation first could be an indicator.
        if (!(char.IsAsciiLetter(c0) || c0 is '_' or '/')) return false;
        if (s[^1] is ' ' or ':') return false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '@' or '+' or '=' or '(' or ')') continue;
            if (c == ':' && s[i + 1] != ' ') continue;
            if (c == ' ' && s[i + 1] is not (' ' or '#')) continue;
            return false;
        }

        return YamlScalarResolver.Resolve(s) == ScalarKind.String;
    }

    private static bool NeedsEscape(char c) =>
        c < 0x20 || c is >= '\u007f' and <= '\u009f' || c is '\u2028' or '\u2029' or '\ufeff' or '\ufffe' or '\uffff' || char.IsSurrogate(c);

    private static void WriteQuoted(TextWriter w, string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    continue;
                case '\\':
                    sb.Append("\\\\");
                    continue;
                case '\n':
                    sb.Append("\\n");
                    continue;
                case '\t':
                    sb.Append("\\t");
                    continue;
                case '\r':
                    sb.Append("\\r");
                    continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(c).Append(s[++i]);
                continue;
            }

            if (NeedsEscape(c)) sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }

        sb.Append('"');
        w.Write(sb.ToString());
    }

    private static bool HasProperties(JsonElement obj)
    {
        using var e = obj.EnumerateObject();
        return e.MoveNext();
    }
}
