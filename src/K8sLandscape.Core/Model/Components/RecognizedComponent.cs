namespace K8sLandscape.Model;

/// <summary>A catalog component found in the input, with every piece of evidence for it (sorted by location).</summary>
/// <param name="Definition">The catalog entry.</param>
/// <param name="Evidence">The objects and fingerprints that revealed it.</param>
public sealed record RecognizedComponent(ComponentDefinition Definition, IReadOnlyList<ComponentEvidence> Evidence)
{
    /// <summary>The component id.</summary>
    public string Id => Definition.Id;

    /// <summary>The distinct objects that make up the component, in location order.</summary>
    public IReadOnlyList<Loading.KubeObject> Objects =>
        Evidence.Select(e => e.Object).Distinct().OrderBy(o => o.Location).ToList();
}
