namespace K8sLandscape.Analyzers.Fleet;

/// <summary>One extension point of a landscape summary.</summary>
/// <param name="Area">The area (<c>network</c>, <c>storage</c>, ...).</param>
/// <param name="Name">The extension point (<c>pod-network</c>, <c>api-group:cert-manager.io</c>, ...).</param>
/// <param name="ExpectsSingle">True when more than one implementation is a conflict.</param>
/// <param name="Implementations">Its implementations, sorted by id.</param>
public sealed record SummaryPoint(string Area, string Name, bool ExpectsSingle, IReadOnlyList<SummaryImplementation> Implementations)
{
    /// <summary>The implementations as one matrix cell: <c>calico 3.28.0; flannel 0.25.1</c>, or an empty string.</summary>
    public string Display => string.Join("; ", Implementations.Select(i => i.Display));

    /// <summary>Every implementation's signature: equal for two clusters that run the same thing here.</summary>
    public string Signature => string.Join("; ", Implementations.Select(i => i.Signature));
}
