using System.Globalization;
using K8sLandscape.Loading.Trees;

namespace K8sLandscape.Loading.Yaml;

/// <summary>
/// Resolves plain (unquoted) YAML scalars the way kubectl's YAML decoder (go-yaml v2, YAML 1.1
/// rules) does before it turns a manifest into JSON: <c>yes</c>, <c>on</c> and <c>y</c> are booleans,
/// <c>0777</c> is octal, <c>~</c> is null. Timestamps stay strings, as they do for untyped decoding.
/// </summary>
internal static class YamlScalarResolver
{
    /// <summary>The kind of a scalar event's value: by its standard tag when it has one, else by resolution when plain.</summary>
    public static ScalarKind KindOf(in YamlEvent s)
    {
        var value = s.Value!;
        if (s.Tag is { } tag && tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal))
        {
            return tag switch
            {
                "tag:yaml.org,2002:str" => ScalarKind.String,
                "tag:yaml.org,2002:int" => TryParseInteger(value, out _) ? ScalarKind.Integer : ScalarKind.String,
                "tag:yaml.org,2002:float" => TryParseFloat(value, out _) ? ScalarKind.Float : ScalarKind.String,
                "tag:yaml.org,2002:bool" => ScalarKind.Boolean,
                "tag:yaml.org,2002:null" => ScalarKind.Null,
                _ => ScalarKind.String,
            };
        }

        return s.Plain && s.PlainImplicit ? Resolve(value) : ScalarKind.String;
    }

    public static ScalarKind Resolve(string s)
    {
        if (s.Length == 0) return ScalarKind.Null;
        var c = s[0];
        switch (c)
        {
            case '~':
                return s.Length == 1 ? ScalarKind.Null : ScalarKind.String;
            case 'n' or 'N':
                if (s is "null" or "Null" or "NULL") return ScalarKind.Null;
                return s is "n" or "N" or "no" or "No" or "NO" ? ScalarKind.Boolean : ScalarKind.String;
            case 't' or 'T':
                return s is "true" or "True" or "TRUE" ? ScalarKind.Boolean : ScalarKind.String;
            case 'f' or 'F':
                return s is "false" or "False" or "FALSE" ? ScalarKind.Boolean : ScalarKind.String;
            case 'y' or 'Y':
                return s is "y" or "Y" or "yes" or "Yes" or "YES" ? ScalarKind.Boolean : ScalarKind.String;
            case 'o' or 'O':
                return s is "on" or "On" or "ON" or "off" or "Off" or "OFF" ? ScalarKind.Boolean : ScalarKind.String;
            case '.':
                if (s is ".inf" or ".Inf" or ".INF" or ".nan" or ".NaN" or ".NAN") return ScalarKind.Float;
                return IsFloat(s) ? ScalarKind.Float : ScalarKind.String;
            case '+' or '-' or (>= '0' and <= '9'):
                if (s is "-.inf" or "-.Inf" or "-.INF" or "+.inf" or "+.Inf" or "+.INF") return ScalarKind.Float;
                if (TryParseInteger(s, out _)) return ScalarKind.Integer;
                return IsFloat(s) ? ScalarKind.Float : ScalarKind.String;
            default:
                return ScalarKind.String;
        }
    }

    public static bool IsTrue(string s) =>
        s is "true" or "True" or "TRUE" or "y" or "Y" or "yes" or "Yes" or "YES" or "on" or "On" or "ON";

    public static bool TryParseInteger(string s, out long value)
    {
        value = 0;
        var span = s.AsSpan();
        var negative = false;
        if (span.Length > 0 && (span[0] == '+' || span[0] == '-'))
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        if (span.Length == 0) return false;
        int radix = 10;
        if (span.Length > 2 && span[0] == '0' && (span[1] is 'x' or 'X'))
        {
            radix = 16;
            span = span[2..];
        }
        else if (span.Length > 2 && span[0] == '0' && (span[1] is 'o' or 'O'))
        {
            radix = 8;
            span = span[2..];
        }
        else if (span.Length > 2 && span[0] == '0' && (span[1] is 'b' or 'B'))
        {
            radix = 2;
            span = span[2..];
        }
        else if (span.Length > 1 && span[0] == '0')
        {
            radix = 8;
            span = span[1..];
        }

        ulong acc = 0;
        var digits = 0;
        foreach (var ch in span)
        {
            if (ch == '_') continue;
            var d = ch switch
            {
                >= '0' and <= '9' => ch - '0',
                >= 'a' and <= 'f' => ch - 'a' + 10,
                >= 'A' and <= 'F' => ch - 'A' + 10,
                _ => 99,
            };
            if (d >= radix) return false;
            var next = (acc * (ulong)radix) + (ulong)d;
            if (next / (ulong)radix != acc && acc != 0) return false;
            acc = next;
            digits++;
            if (acc > (ulong)long.MaxValue + (negative ? 1UL : 0UL)) return false;
        }

        if (digits == 0) return false;
        value = negative ? (long)(0 - acc) : (long)acc;
        return true;
    }

    public static bool IsFloat(string s)
    {
        var span = s.AsSpan();
        var i = 0;
        if (i < span.Length && (span[i] == '+' || span[i] == '-')) i++;
        var mantissa = 0;
        var dot = false;
        for (; i < span.Length; i++)
        {
            var ch = span[i];
            if (ch is >= '0' and <= '9' or '_') mantissa += ch == '_' ? 0 : 1;
            else if (ch == '.' && !dot) dot = true;
            else break;
        }

        if (mantissa == 0) return false;
        if (i == span.Length) return dot;
        if (span[i] is not ('e' or 'E')) return false;
        i++;
        if (i < span.Length && (span[i] == '+' || span[i] == '-')) i++;
        var exp = 0;
        for (; i < span.Length; i++)
        {
            if (span[i] is >= '0' and <= '9') exp++;
            else return false;
        }

        return exp > 0;
    }

    public static bool TryParseFloat(string s, out double value)
    {
        switch (s)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
        }

        return double.TryParse(s.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
