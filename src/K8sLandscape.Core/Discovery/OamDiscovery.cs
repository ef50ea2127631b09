using K8sLandscape.Model;
using K8sLandscape.Model.Lifecycle;

namespace K8sLandscape.Discovery;

/// <summary>Collects the OAM/KubeVela objects (<c>core.oam.dev</c>) into the <see cref="OamInventory"/>.</summary>
internal static class OamDiscovery
{
    private const string Group = "core.oam.dev";

    public static OamInventory Build(ObjectIndex objects) => new()
    {
        ComponentDefinitions = OlmDiscovery.Sorted(objects.OfKind(Group, "ComponentDefinition").Select(OamComponentDefinition.From), d => d.Object),
        TraitDefinitions = OlmDiscovery.Sorted(objects.OfKind(Group, "TraitDefinition").Select(OamTraitDefinition.From), d => d.Object),
        WorkflowStepDefinitions = OlmDiscovery.Sorted(objects.OfKind(Group, "WorkflowStepDefinition").Select(o => new OamWorkflowStepDefinition(o)), d => d.Object),
        Applications = OlmDiscovery.Sorted(objects.OfKind(Group, "Application").Select(OamApplication.From), a => a.Object),
    };
}
