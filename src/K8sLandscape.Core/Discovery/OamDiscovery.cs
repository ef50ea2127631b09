using K8sLandscape.Json;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Lifecycle;

namespace K8sLandscape.Discovery;

/// <summary>Collects the OAM/KubeVela objects (<c>core.oam.dev</c>) into the <see cref="OamInventory"/>.</summary>
internal static class OamDiscovery
{
    private const string Group = "core.oam.dev";

    public static OamInventory Build(ObjectIndex objects) => new()
    {
        ComponentDefinitions = OlmDiscovery.Sorted(objects.OfKind(Group, "ComponentDefinition").Select(ReadComponentDefinition), d => d.Object),
        TraitDefinitions = OlmDiscovery.Sorted(objects.OfKind(Group, "TraitDefinition").Select(ReadTraitDefinition), d => d.Object),
        WorkflowStepDefinitions = OlmDiscovery.Sorted(objects.OfKind(Group, "WorkflowStepDefinition").Select(o => new OamWorkflowStepDefinition(o)), d => d.Object),
        Applications = OlmDiscovery.Sorted(objects.OfKind(Group, "Application").Select(ReadApplication), a => a.Object),
    };

    /// <summary>Reads one OamApplication from its object.</summary>
    public static OamApplication ReadApplication(KubeObject o)
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

    /// <summary>Reads one OamTraitDefinition from its object.</summary>
    public static OamTraitDefinition ReadTraitDefinition(KubeObject o)
    {
        var spec = JsonFields.Obj(o.Body, "spec") ?? default;
        return new OamTraitDefinition(o, JsonFields.Strings(spec, "appliesToWorkloads"), JsonFields.Strings(spec, "conflictsWith"), JsonFields.Bool(spec, "podDisruptive") ?? false, JsonFields.Str(spec, "workloadRefPath"));
    }

    /// <summary>Reads one OamComponentDefinition from its object.</summary>
    public static OamComponentDefinition ReadComponentDefinition(KubeObject o)
    {
        var workload = JsonFields.Path(o.Body, "spec", "workload") ?? default;
        var def = JsonFields.Obj(workload, "definition") ?? default;
        return new OamComponentDefinition(o, JsonFields.Str(workload, "type"), JsonFields.Str(def, "apiVersion"), JsonFields.Str(def, "kind"));
    }
}
