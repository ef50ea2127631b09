using System.Globalization;
using System.Text.RegularExpressions;

namespace K8sLandscape.TestApiServer;

/// <summary>Kubernetes' version order, highest priority first: GA before beta before alpha, higher numbers first.</summary>
public sealed partial class VersionPriority : IComparer<string>
{
    private VersionPriority()
    {
    }

    /// <summary>The comparer.</summary>
    public static VersionPriority Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        var a = Rank(x ?? string.Empty);
        var b = Rank(y ?? string.Empty);
        var c = b.Stability.CompareTo(a.Stability);
        if (c == 0) c = b.Major.CompareTo(a.Major);
        if (c == 0) c = b.Minor.CompareTo(a.Minor);
        return c != 0 ? c : string.CompareOrdinal(x, y);
    }

    private static (int Stability, int Major, int Minor) Rank(string v)
    {
        var m = Pattern().Match(v);
        if (!m.Success) return (0, 0, 0);
        var major = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var stability = m.Groups[2].Value switch { "" => 3, "beta" => 2, _ => 1 };
        var minor = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        return (stability, major, minor);
    }

    [GeneratedRegex("^v([0-9]+)(alpha|beta)?([0-9]+)?$")]
    private static partial Regex Pattern();
}
