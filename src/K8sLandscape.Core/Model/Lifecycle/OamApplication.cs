using K8sLandscape.Json;
using K8sLandscape.Loading;
using K8sLandscape.Model.Api;

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
    internal static OamApplication From(KubeObject o)
    {
        var spec = JsonFields.Obj(o.Body, "spec") ?? default;
        var components = new List<OamApplicationComponent>();
        foreach (var (i, c) in JsonFields.Items(spec, "components"))
        {
            var path = $"spec.components[{i}]";
            var traits = JsonFields.Items(c, "traits").Select(t => new OamApplicationTrait(JsonFields.Str(t.Item, "type") ?? string.Empty, $"{path}.traits[{t.Index}]")).ToArray();
            components.Add(new OamApplicationComponent(JsonFields.Str(c, "name") ?? string.Empty, JsonFields.Str(c, "type") ?? string.Empty, traits, path));
        }

        var policies = JsonFields.Items(spec, "policies").Select(p => JsonFields.Str(p.Item, "type") ?? string.Empty).ToArray();
        var steps = JsonFields.Obj(spec, "workflow") is { } wf ? JsonFields.Items(wf, "steps").Select(s => JsonFields.Str(s.Item, "type") ?? string.Empty).ToArray() : [];
        var phaseText = JsonFields.Obj(o.Body, "status") is { } st ? JsonFields.Str(st, "status") : null;
        KubeVelaApplicationPhase? phase = LifecycleStates.KubeVelaApplication.TryParse(phaseText, out var p) ? p : null;
        return new OamApplication(o, components, policies, steps, phase, phaseText);
    }
}
