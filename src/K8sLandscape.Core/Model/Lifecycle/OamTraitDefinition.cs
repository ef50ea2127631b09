using K8sLandscape.Loading;
using K8sLandscape.Model.Api;

namespace K8sLandscape.Model.Lifecycle;

/// <summary>A KubeVela/OAM TraitDefinition: an operational behaviour attached to components.</summary>
/// <param name="Object">The definition object.</param>
/// <param name="AppliesToWorkloads"><c>spec.appliesToWorkloads</c>: component types, workload resources (<c>deployments.apps</c>) or <c>*</c>; empty means any.</param>
/// <param name="ConflictsWith"><c>spec.conflictsWith</c>: traits it must not be combined with (<c>*</c> means all others).</param>
/// <param name="PodDisruptive"><c>spec.podDisruptive</c>: whether changing it restarts pods.</param>
/// <param name="WorkloadRefPath"><c>spec.workloadRefPath</c>, or null.</param>
public sealed record OamTraitDefinition(KubeObject Object, IReadOnlyList<string> AppliesToWorkloads, IReadOnlyList<string> ConflictsWith, bool PodDisruptive, string? WorkloadRefPath)
{
    /// <summary>The trait type name (the definition's name).</summary>
    public string Name => Object.Name;

    /// <summary>Where <c>spec.conflictsWith</c> is written.</summary>
    public SourceSpan ConflictsWithLocation => Object.LocationOf("spec.conflictsWith");

    /// <summary>Whether it declares a conflict with another trait type.</summary>
    public bool ConflictsWithTrait(string traitType) =>
        !string.Equals(traitType, Name, StringComparison.Ordinal)
        && ConflictsWith.Any(c => c == "*" || string.Equals(c, traitType, StringComparison.Ordinal));

    /// <summary>
    /// Whether it applies to a component: <paramref name="componentType"/> is the component's type
    /// and <paramref name="definition"/>, when known, its ComponentDefinition (whose workload resource
    /// and kind also count, as KubeVela matches them).
    /// </summary>
    public bool AppliesTo(string componentType, OamComponentDefinition? definition = null)
    {
        if (AppliesToWorkloads.Count == 0) return true;
        foreach (var a in AppliesToWorkloads)
        {
            if (a == "*" || string.Equals(a, componentType, StringComparison.Ordinal)) return true;
            if (definition is null) continue;
            if (string.Equals(a, definition.WorkloadType, StringComparison.Ordinal) || string.Equals(a, definition.WorkloadKind, StringComparison.Ordinal)) return true;
            // 'deployments.apps' against a definition of apps/v1 Deployment.
            if (definition.WorkloadKind is { } kind && definition.WorkloadApiVersion is { } av)
            {
                var group = av.Contains('/', StringComparison.Ordinal) ? av[..av.IndexOf('/', StringComparison.Ordinal)] : string.Empty;
                var resource = kind.ToLowerInvariant() + "s" + (group.Length > 0 ? "." + group : string.Empty);
                if (string.Equals(a, resource, StringComparison.Ordinal)) return true;
            }
        }

        return false;
    }
}
