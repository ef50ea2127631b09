using System.Globalization;

namespace K8sLandscape.Model.Runtime;

/// <summary>
/// The numeric part of an engine release as Nodes report it (<c>1.7.2</c>, <c>1.2.6-0ubuntu1</c>,
/// <c>17.3.2</c>): suffixes after the numbers are ignored for comparison.
/// </summary>
/// <param name="Major">Major release.</param>
/// <param name="Minor">Minor release.</param>
/// <param name="Patch">Patch release (0 when absent).</param>
public readonly record struct EngineVersion(int Major, int Minor, int Patch) : IComparable<EngineVersion>
{
    /// <summary>Parses <c>1.7.2</c>, <c>v1.28.1</c> or <c>1.2.6-0ubuntu1</c>; false when no major and minor number can be read.</summary>
    public static bool TryParse(string? text, out EngineVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim().TrimStart('v', 'V');
        var numbers = new int[3];
        var count = 0;
        var i = 0;
        while (count < 3 && i < s.Length && char.IsAsciiDigit(s[i]))
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (!int.TryParse(s.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out numbers[count])) return false;
            count++;
            if (i < s.Length && s[i] == '.') i++;
            else break;
        }

        if (count < 2) return false;
        version = new EngineVersion(numbers[0], numbers[1], numbers[2]);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(EngineVersion other)
    {
        var c = Major.CompareTo(other.Major);
        if (c == 0) c = Minor.CompareTo(other.Minor);
        return c != 0 ? c : Patch.CompareTo(other.Patch);
    }

    /// <summary>Compares releases.</summary>
    public static bool operator <(EngineVersion a, EngineVersion b) => a.CompareTo(b) < 0;

    /// <summary>Compares releases.</summary>
    public static bool operator >(EngineVersion a, EngineVersion b) => a.CompareTo(b) > 0;

    /// <summary>Compares releases.</summary>
    public static bool operator <=(EngineVersion a, EngineVersion b) => a.CompareTo(b) <= 0;

    /// <summary>Compares releases.</summary>
    public static bool operator >=(EngineVersion a, EngineVersion b) => a.CompareTo(b) >= 0;

    /// <summary>Formats as <c>1.7.2</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
}
