namespace K8sLandscape.Model;

/// <summary>One known component: what it is, what it provides, how to recognize it and what it can do.</summary>
public sealed record ComponentDefinition
{
    /// <summary>Stable lowercase identifier, e.g. <c>calico</c>, <c>strimzi</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Display name, e.g. <c>Calico</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Category, one of <see cref="ComponentCategories"/> (or a user-defined one).</summary>
    public required string Category { get; init; }

    /// <summary>
    /// What it provides, lowercase, e.g. <c>kafka</c>, <c>pod-network</c>, <c>network-policy</c>,
    /// <c>sidecar-injection</c>. Two components that provide the same thing compete.
    /// </summary>
    public IReadOnlyList<string> Provides { get; init; } = [];

    /// <summary>One sentence about the component.</summary>
    public string? Description { get; init; }

    /// <summary>The project's home page.</summary>
    public string? Homepage { get; init; }

    /// <summary>Ids of components this one bundles (canal bundles calico and flannel; an operator its operands).</summary>
    public IReadOnlyList<string> Includes { get; init; } = [];

    /// <summary>How to recognize it.</summary>
    public Fingerprints Fingerprints { get; init; } = new();

    /// <summary>What it can do.</summary>
    public ComponentCapabilities Capabilities { get; init; } = new();

    /// <summary>Where the definition came from: <c>built-in</c> or a user catalog file.</summary>
    public string Origin { get; init; } = "built-in";
}
