namespace K8sLandscape.Model.Lifecycle;

/// <summary>The OAM/KubeVela objects in the input (<c>core.oam.dev</c>), each list sorted by namespace, name, location.</summary>
public sealed record OamInventory
{
    /// <summary>ComponentDefinitions.</summary>
    public IReadOnlyList<OamComponentDefinition> ComponentDefinitions { get; init; } = [];

    /// <summary>TraitDefinitions.</summary>
    public IReadOnlyList<OamTraitDefinition> TraitDefinitions { get; init; } = [];

    /// <summary>WorkflowStepDefinitions.</summary>
    public IReadOnlyList<OamWorkflowStepDefinition> WorkflowStepDefinitions { get; init; } = [];

    /// <summary>Applications.</summary>
    public IReadOnlyList<OamApplication> Applications { get; init; } = [];

    /// <summary>The TraitDefinition of a trait type (the first by namespace, then name), or null.</summary>
    public OamTraitDefinition? TraitDefinition(string type) => TraitDefinitions.FirstOrDefault(t => string.Equals(t.Name, type, StringComparison.Ordinal));

    /// <summary>The ComponentDefinition of a component type, or null.</summary>
    public OamComponentDefinition? ComponentDefinition(string type) => ComponentDefinitions.FirstOrDefault(c => string.Equals(c.Name, type, StringComparison.Ordinal));

    /// <summary>Every pair of traits on one component whose definition declares them in conflict, in application order.</summary>
    public IEnumerable<OamTraitConflict> TraitConflicts()
    {
        foreach (var app in Applications)
        {
            foreach (var c in app.Components)
            {
                foreach (var t in c.Traits)
                {
                    if (TraitDefinition(t.Type) is not { } def) continue;
                    foreach (var other in c.Traits)
                    {
                        if (!ReferenceEquals(other, t) && def.ConflictsWithTrait(other.Type)) yield return new OamTraitConflict(app, c, t, other, def);
                    }
                }
            }
        }
    }
}
