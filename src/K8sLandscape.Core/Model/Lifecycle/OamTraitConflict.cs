namespace K8sLandscape.Model.Lifecycle;

/// <summary>Two traits of one application component whose definitions declare a conflict (<c>spec.conflictsWith</c>).</summary>
/// <param name="Application">The application.</param>
/// <param name="Component">The component.</param>
/// <param name="Trait">The trait whose definition declares the conflict.</param>
/// <param name="ConflictingTrait">The trait it conflicts with.</param>
/// <param name="Definition">The declaring TraitDefinition.</param>
public sealed record OamTraitConflict(OamApplication Application, OamApplicationComponent Component, OamApplicationTrait Trait, OamApplicationTrait ConflictingTrait, OamTraitDefinition Definition);
