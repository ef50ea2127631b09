using System.Globalization;

namespace K8sLandscape.Model.Api.BuiltIn;

/// <summary>
/// Kubernetes' API version priority, as kube-apiserver sorts versions in discovery: GA before beta
/// before alpha, then by higher major, then by higher alpha/beta number (<c>v2</c>, <c>v1</c>,
/// <c>v1beta2</c>, <c>v1beta1</c>, <c>v1alpha1</c>); versions that do not follow the pattern sort
/// last, alphabetically.
/// </summary>
public sealed class ApiVersionOrder : IComparer<string>
{
    /// <summary>The comparer (highest priority first).</summary>
    public static ApiVersionOrder Instance { get; } = new();

    private ApiVersionOrder()
    {
    }

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        var a = Parse(x);
        var b = Parse(y);
        if (a.Valid != b.Valid) return a.Valid ? -1 : 1;
        if (!a.Valid) return string.CompareOrdinal(x, y);
        if (a.Stability != b.Stability) return b.Stability.CompareTo(a.Stability);
        if (a.Major != b.Major) return b.Major.CompareTo(a.Major);
        return b.Minor.CompareTo(a.Minor);
    }

    private static (bool Valid, int Stability, int Major, int Minor) Parse(string? v)
    {
        if (string.IsNullOrEmpty(v) || v[0] != 'v') return default;
        var i = 1;
        while (i < v.Length && char.IsAsciiDigit(v[i])) i++;
        if (i == 1 || !int.TryParse(v.AsSpan(1, i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var major)) return default;
        if (i == v.Length) return (true, 3, major, 0);
        var rest = v.AsSpan(i);
        var stability = rest.StartsWith("beta") ? 2 : rest.StartsWith("alpha") ? 1 : 0;
        if (stability == 0) return default;
        var digits = rest[(stability == 2 ? 4 : 5)..];
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var minor) ? (true, stability, major, minor) : default;
    }
}
