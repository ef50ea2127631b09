using System.Text.RegularExpressions;

namespace K8sLandscape.Analyzers;

/// <summary>
/// The area a rule belongs to, by name. The built-in areas are the static members (for built-in
/// rules the area is also the thousands digit of the id: <c>KL3001</c> is <see cref="Storage"/>);
/// a custom rule may name an area of its own with <see cref="Custom"/>, such as
/// <c>RuleCategory.Custom("governance")</c>, and reports group its findings under that name.
/// Compared by name; <c>default(RuleCategory)</c> is <see cref="Engine"/>.
/// </summary>
public readonly partial struct RuleCategory : IEquatable<RuleCategory>
{
    private readonly string? _name;
    private readonly int _digit;

    private RuleCategory(string name, int digit)
    {
        _name = name;
        _digit = digit;
    }

    /// <summary>The engine and the loader (KL0xxx).</summary>
    public static RuleCategory Engine { get; } = new("engine", 0);

    /// <summary>Container runtimes, CRI and RuntimeClasses (KL1xxx).</summary>
    public static RuleCategory Runtime { get; } = new("runtime", 1);

    /// <summary>Network plugins, CNI (KL2xxx).</summary>
    public static RuleCategory Network { get; } = new("network", 2);

    /// <summary>Storage: CSI drivers, StorageClasses, snapshots (KL3xxx).</summary>
    public static RuleCategory Storage { get; } = new("storage", 3);

    /// <summary>Device plugins and DRA (KL4xxx).</summary>
    public static RuleCategory Devices { get; } = new("devices", 4);

    /// <summary>API extensions: CRDs and aggregated APIServices (KL5xxx).</summary>
    public static RuleCategory Api { get; } = new("api", 5);

    /// <summary>Admission webhooks and policies (KL6xxx).</summary>
    public static RuleCategory Admission { get; } = new("admission", 6);

    /// <summary>Lifecycle managers: Helm, operators, OLM, OAM/KubeVela (KL7xxx).</summary>
    public static RuleCategory Lifecycle { get; } = new("lifecycle", 7);

    /// <summary>Resource layers and cross-cutting concerns: ingress, scheduling, mesh (KL8xxx).</summary>
    public static RuleCategory Layers { get; } = new("layers", 8);

    /// <summary>The built-in areas in id order.</summary>
    public static IReadOnlyList<RuleCategory> BuiltIn { get; } = [Engine, Runtime, Network, Storage, Devices, Api, Admission, Lifecycle, Layers];

    /// <summary>The area's name: lower-case letters, digits and '-', such as <c>storage</c> or <c>governance</c>.</summary>
    public string Name => _name ?? "engine";

    /// <summary>True for the built-in areas.</summary>
    public bool IsBuiltIn => _name is null || _digit >= 0;

    /// <summary>
    /// An area of a custom rule's own. Naming a built-in area (<c>"storage"</c>) returns that area,
    /// so a category read from text compares equal to the static member.
    /// </summary>
    /// <param name="name">Lower-case letters, digits and '-', starting with a letter, at most 40 characters.</param>
    /// <exception cref="ArgumentException">The name is not of that shape.</exception>
    public static RuleCategory Custom(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Shape().IsMatch(name))
            throw new ArgumentException($"'{name}' is not a category name: use lower-case letters, digits and '-', starting with a letter, such as governance.", nameof(name));
        foreach (var b in BuiltIn)
        {
            if (b.Name == name) return b;
        }

        return new RuleCategory(name, -1);
    }

    /// <summary>The thousands digit of built-in rule ids in this area.</summary>
    /// <exception cref="InvalidCastException">The area is a custom one, which has no digit.</exception>
    public static explicit operator int(RuleCategory category) =>
        category.IsBuiltIn ? category._digit : throw new InvalidCastException($"Category '{category.Name}' is custom and has no id digit.");

    /// <summary>True when both name the same area.</summary>
    public static bool operator ==(RuleCategory left, RuleCategory right) => left.Equals(right);

    /// <summary>True when they name different areas.</summary>
    public static bool operator !=(RuleCategory left, RuleCategory right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(RuleCategory other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RuleCategory other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>The name, such as <c>storage</c>.</summary>
    public override string ToString() => Name;

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
