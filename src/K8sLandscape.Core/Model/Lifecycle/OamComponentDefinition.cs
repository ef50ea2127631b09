using K8sLandscape.Loading;
using K8sLandscape.Model.Api;

namespace K8sLandscape.Model.Lifecycle;

/// <summary>A KubeVela/OAM ComponentDefinition (<c>core.oam.dev</c>): a component type applications use.</summary>
/// <param name="Object">The definition object.</param>
/// <param name="WorkloadType"><c>spec.workload.type</c> (e.g. <c>deployments.apps</c>), or null.</param>
/// <param name="WorkloadApiVersion"><c>spec.workload.definition.apiVersion</c>, or null.</param>
/// <param name="WorkloadKind"><c>spec.workload.definition.kind</c>, or null.</param>
public sealed record OamComponentDefinition(KubeObject Object, string? WorkloadType, string? WorkloadApiVersion, string? WorkloadKind)
{
    /// <summary>The component type name (the definition's name).</summary>
    public string Name => Object.Name;
}
