namespace K8sLandscape.Model.Lifecycle;

/// <summary>A component of a KubeVela Application.</summary>
/// <param name="Name">The component name.</param>
/// <param name="Type">The component type (a ComponentDefinition name).</param>
/// <param name="Traits">Its traits, in order.</param>
/// <param name="Path">The field path, e.g. <c>spec.components[0]</c>.</param>
public sealed record OamApplicationComponent(string Name, string Type, IReadOnlyList<OamApplicationTrait> Traits, string Path);
