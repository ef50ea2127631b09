using System.Text;
using System.Text.Json;

namespace K8sLandscape.Catalog.Recognition;

/// <summary>
/// Reads the plugin <c>type</c> values of a CNI network configuration: the top-level <c>type</c> of a
/// single-plugin <c>.conf</c> and every <c>plugins[].type</c> of a <c>.conflist</c>.
/// </summary>
internal static class CniTypeReader
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static void Read(JsonElement config, List<string> into)
    {
        if (config.ValueKind != JsonValueKind.Object) return;
        if (config.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() is { Length: > 0 } type) into.Add(type);
        if (!config.TryGetProperty("plugins", out var plugins) || plugins.ValueKind != JsonValueKind.Array) return;
        foreach (var p in plugins.EnumerateArray())
        {
            if (p.ValueKind == JsonValueKind.Object && p.TryGetProperty("type", out var pt) && pt.ValueKind == JsonValueKind.String && pt.GetString() is { Length: > 0 } ptype)
                into.Add(ptype);
        }
    }

    /// <summary>
    /// Reads CNI JSON embedded in a ConfigMap value. Installers template these (calico writes
    /// <c>"mtu": __CNI_MTU__</c>), so a value that does not parse is retried with bare words outside
    /// strings replaced by <c>0</c>; one that still does not parse is skipped.
    /// </summary>
    public static void ReadText(string text, List<string> into)
    {
        if (TryParse(text, into)) return;
        TryParse(ReplaceBareWords(text), into);
    }

    /// <summary>A cheap test run before any parsing: CNI configuration names its <c>cniVersion</c>.</summary>
    public static bool LooksLikeCni(string text) =>
        text.Contains("\"cniVersion\"", StringComparison.Ordinal) && text.Contains("\"type\"", StringComparison.Ordinal);

    private static bool TryParse(string text, List<string> into)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, Lenient);
            Read(doc.RootElement, into);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string ReplaceBareWords(string text)
    {
        var sb = new StringBuilder(text.Length);
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (inString)
            {
                sb.Append(ch);
                if (ch == '\\' && i + 1 < text.Length) sb.Append(text[++i]);
                else if (ch == '"') inString = false;
                continue;
            }

            if (ch == '"')
            {
                inString = true;
                sb.Append(ch);
                continue;
            }

            if (char.IsAsciiLetter(ch) || ch == '_')
            {
                var start = i;
                while (i + 1 < text.Length && (char.IsAsciiLetterOrDigit(text[i + 1]) || text[i + 1] == '_')) i++;
                var word = text.AsSpan(start, i - start + 1);
                if (word is "true" or "false" or "null") sb.Append(word);
                else sb.Append('0');
                continue;
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }
}
