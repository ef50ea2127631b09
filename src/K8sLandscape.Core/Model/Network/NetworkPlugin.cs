using K8sLandscape.Loading;

namespace K8sLandscape.Model.Network;

/// <summary>An installed network plugin recognized from workloads, images, CRDs or configuration files.</summary>
/// <param name="Id">The catalog component id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Role">The role as configured on the nodes (<c>primary</c>, <c>chained</c> or <c>meta</c>), read from <see cref="RoleEvidence"/>; the catalog's default role when the configuration says nothing; null when not known (secondary underlay plugins).</param>
/// <param name="DataPlane"><c>overlay</c>, <c>routed</c> or <c>underlay</c>, or null.</param>
/// <param name="Encapsulation">Encapsulations or routing methods it can use.</param>
/// <param name="EnforcesNetworkPolicy">Whether it enforces NetworkPolicy (null: unknown).</param>
/// <param name="Ebpf">Whether its data plane is eBPF (null: unknown).</param>
/// <param name="IncludedIn">The id of a recognized bundle that includes it (calico and flannel inside canal), or null.</param>
/// <param name="Objects">The objects that make it up, in location order.</param>
public sealed record NetworkPlugin(
    string Id,
    string Name,
    string? Role,
    string? DataPlane,
    IReadOnlyList<string> Encapsulation,
    bool? EnforcesNetworkPolicy,
    bool? Ebpf,
    string? IncludedIn,
    IReadOnlyList<KubeObject> Objects)
{
    /// <summary>The catalog's default role for this plugin, before the cluster's configuration is read.</summary>
    public string? CatalogRole { get; init; }

    /// <summary>What the configuration says about the plugin's role, in location order; empty when <see cref="Role"/> is the catalog default.</summary>
    public IReadOnlyList<CniRoleEvidence> RoleEvidence { get; init; } = [];
}
