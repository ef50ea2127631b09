using System.Globalization;
using System.Text;

namespace K8sLandscape.Bench.Generation;

/// <summary>
/// Writes block YAML the way <c>kubectl get -o yaml</c> does (go-yaml style): two-space indents,
/// sequences not indented under their key, long strings folded near column 80, timestamps and
/// numeric-looking strings quoted.
/// </summary>
internal sealed class YamlWriter(StringBuilder sb)
{
    private const int Width = 80;
    private int _indent;
    private bool _itemPending; // the next line starts a sequence item ("- ")

    public StringBuilder Text => sb;

    public int Indent => _indent;

    private void Start()
    {
        if (_itemPending)
        {
            sb.Append(' ', _indent - 2).Append("- ");
            _itemPending = false;
        }
        else
        {
            sb.Append(' ', _indent);
        }
    }

    /// <summary><c>key: value</c> with value written as-is (already a valid YAML scalar).</summary>
    public YamlWriter Raw(string key, string value)
    {
        Start();
        sb.Append(key).Append(": ").Append(value).Append('\n');
        return this;
    }

    /// <summary><c>key: value</c>, quoting and folding the string like go-yaml.</summary>
    public YamlWriter Str(string key, string value)
    {
        Start();
        sb.Append(key).Append(':');
        AppendString(value, key.Length + 2);
        return this;
    }

    public YamlWriter Int(string key, long value) => Raw(key, value.ToString(CultureInfo.InvariantCulture));

    public YamlWriter Bool(string key, bool value) => Raw(key, value ? "true" : "false");

    /// <summary><c>key:</c> and a nested mapping (call <see cref="End"/> after it).</summary>
    public YamlWriter Map(string key)
    {
        Start();
        sb.Append(key).Append(":\n");
        _indent += 2;
        return this;
    }

    public YamlWriter End()
    {
        _indent -= 2;
        return this;
    }

    /// <summary><c>key:</c> for a sequence; items follow at the same indent (call <see cref="EndSeq"/>).</summary>
    public YamlWriter Seq(string key)
    {
        Start();
        sb.Append(key).Append(":\n");
        return this;
    }

    public YamlWriter EndSeq() => this;

    /// <summary>Starts a mapping item of a sequence (call <see cref="EndItem"/>).</summary>
    public YamlWriter Item()
    {
        if (_itemPending)
        {
            // A sequence item that is itself a mapping item of an outer sequence: "- - a" is rare; keep it simple.
            throw new InvalidOperationException("nested item without content");
        }

        _indent += 2;
        _itemPending = true;
        return this;
    }

    public YamlWriter EndItem()
    {
        _indent -= 2;
        _itemPending = false;
        return this;
    }

    /// <summary>A scalar item: <c>- value</c>.</summary>
    public YamlWriter ItemStr(string value)
    {
        Start();
        sb.Append('-');
        AppendString(value, 2);
        return this;
    }

    public YamlWriter ItemRaw(string value)
    {
        Start();
        sb.Append("- ").Append(value).Append('\n');
        return this;
    }

    /// <summary>A literal block scalar (<c>|</c> or <c>|-</c>).</summary>
    public YamlWriter Block(string key, string text)
    {
        Start();
        var keep = text.EndsWith('\n');
        sb.Append(key).Append(keep ? ": |\n" : ": |-\n");
        var body = keep ? text[..^1] : text;
        foreach (var line in body.Split('\n'))
        {
            if (line.Length == 0)
            {
                sb.Append('\n');
                continue;
            }

            sb.Append(' ', _indent + 2).Append(line).Append('\n');
        }

        return this;
    }

    /// <summary>Appends " value\n" for a string value, quoting/folding as go-yaml would.</summary>
    private void AppendString(string value, int used)
    {
        if (value.Length == 0)
        {
            sb.Append(" \"\"\n");
            return;
        }

        if (NeedsDoubleQuotes(value))
        {
            sb.Append(" \"");
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\t': sb.Append("\\t"); break;
                    default: sb.Append(c); break;
                }
            }

            sb.Append("\"\n");
            return;
        }

        var single = NeedsSingleQuotes(value);
        sb.Append(' ');
        if (single) sb.Append('\'');
        // Fold long strings at spaces like go-yaml (continuation lines indented two more).
        var column = _indent + used + 1;
        var start = 0;
        while (true)
        {
            var rest = value.Length - start;
            if (column + rest <= Width || !value.AsSpan(start).Contains(' '))
            {
                AppendEscaped(value.AsSpan(start), single);
                break;
            }

            // Break at the last space that keeps the line within the width (or the first one after).
            var limit = Math.Max(1, Width - column);
            var cut = value.LastIndexOf(' ', Math.Min(value.Length - 1, start + limit), Math.Min(limit, rest - 1) + 1);
            if (cut <= start) cut = value.IndexOf(' ', start + 1);
            if (cut < 0 || cut + 1 >= value.Length || value[cut + 1] == ' ' || value[cut - 1] == ' ' || Indicators.Contains(value[cut + 1], StringComparison.Ordinal))
            {
                AppendEscaped(value.AsSpan(start), single);
                break;
            }

            AppendEscaped(value.AsSpan(start, cut - start), single);
            sb.Append('\n').Append(' ', _indent + 2);
            column = _indent + 2;
            start = cut + 1;
        }

        if (single) sb.Append('\'');
        sb.Append('\n');
    }

    private void AppendEscaped(ReadOnlySpan<char> s, bool single)
    {
        if (!single)
        {
            sb.Append(s);
            return;
        }

        foreach (var c in s)
        {
            if (c == '\'') sb.Append("''");
            else sb.Append(c);
        }
    }

    private static bool NeedsDoubleQuotes(string v)
    {
        if (v.Contains('\n') || v.Contains('\t') || v.Contains('"') && v.StartsWith('{')) return true;
        if (LooksLikeNonString(v)) return true;
        return false;
    }

    private static bool LooksLikeNonString(string v)
    {
        if (v is "true" or "false" or "yes" or "no" or "on" or "off" or "null" or "~" or "y" or "n" or "True" or "False" or "Yes" or "No" or "On" or "Off" or "NULL" or "Null") return true;
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return true;
        if (v.Length >= 10 && char.IsAsciiDigit(v[0]) && v[4] == '-' && v[7] == '-') return true; // timestamps and dates
        if (v.StartsWith("0x", StringComparison.Ordinal) || v.StartsWith("0o", StringComparison.Ordinal)) return true;
        return false;
    }

    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

    private static bool NeedsSingleQuotes(string v)
    {
        var first = v[0];
        var dashWord = first == '-' && v.Length > 1 && v[1] != ' ';
        if (Indicators.Contains(first, StringComparison.Ordinal) && !dashWord) return true;
        if (v[0] == ' ' || v[^1] == ' ' || v[^1] == ':') return true;
        if (v.Contains(": ", StringComparison.Ordinal) || v.Contains(" #", StringComparison.Ordinal)) return true;
        return false;
    }
}
