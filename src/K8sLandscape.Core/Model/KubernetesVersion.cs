using System.Globalization;

namespace K8sLandscape.Model;

/// <summary>A Kubernetes minor release, such as 1.34.</summary>
/// <param name="Major">The major version (1).</param>
/// <param name="Minor">The minor version.</param>
public readonly record struct KubernetesVersion(int Major, int Minor) : IComparable<KubernetesVersion>
{
    /// <summary>The newest release the library's built-in data describes.</summary>
    public static KubernetesVersion Latest { get; } = new(1, 34);

    /// <summary>Parses <c>1.34</c>, <c>v1.34.2</c>, <c>1.34+</c> or <c>v1.15.0-gke.1</c> (the minor release is kept).</summary>
    public static bool TryParse(string? text, out KubernetesVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim().TrimStart('v', 'V');
        var parts = s.Split('.');
        if (parts.Length < 2) return false;
        var minorDigits = new string(parts[1].TakeWhile(char.IsAsciiDigit).ToArray());
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(minorDigits, NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = new KubernetesVersion(major, minor);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>.</summary>
    public static KubernetesVersion Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a Kubernetes version such as 1.34");

    /// <inheritdoc />
    public int CompareTo(KubernetesVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary>Compares releases.</summary>
    public static bool operator <(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) < 0;

    /// <summary>Compares releases.</summary>
    public static bool operator >(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) > 0;

    /// <summary>Compares releases.</summary>
    public static bool operator <=(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) <= 0;

    /// <summary>Compares releases.</summary>
    public static bool operator >=(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) >= 0;

    /// <summary>Formats as <c>1.34</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}
