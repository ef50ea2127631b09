namespace K8sLandscape.Model.Lifecycle;

/// <summary>A trait attached to a component of an application.</summary>
/// <param name="Type">The trait type (a TraitDefinition name).</param>
/// <param name="Path">The field path, e.g. <c>spec.components[0].traits[1]</c>.</param>
public sealed record OamApplicationTrait(string Type, string Path);
