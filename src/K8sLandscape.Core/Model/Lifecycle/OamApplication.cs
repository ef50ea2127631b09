using K8sLandscape.Loading;

namespace K8sLandscape.Model.Lifecycle;

/// <summary>A KubeVela Application (<c>core.oam.dev</c>): components with traits, policies and a delivery workflow.</summary>
/// <param name="Object">The Application object.</param>
/// <param name="Components">Its components, in order.</param>
/// <param name="PolicyTypes">The types of <c>spec.policies</c>.</param>
/// <param name="WorkflowStepTypes">The types of <c>spec.workflow.steps</c>.</param>
/// <param name="Phase">The phase from <c>status.status</c>, or null.</param>
/// <param name="PhaseText"><c>status.status</c> as written.</param>
public sealed record OamApplication(
    KubeObject Object,
    IReadOnlyList<OamApplicationComponent> Components,
    IReadOnlyList<string> PolicyTypes,
    IReadOnlyList<string> WorkflowStepTypes,
    KubeVelaApplicationPhase? Phase,
    string? PhaseText)
{
}
