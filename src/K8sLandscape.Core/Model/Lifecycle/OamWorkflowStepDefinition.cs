using K8sLandscape.Loading;

namespace K8sLandscape.Model.Lifecycle;

/// <summary>A KubeVela WorkflowStepDefinition: a step type application workflows use.</summary>
/// <param name="Object">The definition object.</param>
public sealed record OamWorkflowStepDefinition(KubeObject Object)
{
    /// <summary>The step type name.</summary>
    public string Name => Object.Name;
}
