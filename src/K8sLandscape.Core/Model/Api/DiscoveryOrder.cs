namespace K8sLandscape.Model.Api;

/// <summary>
/// The order in which kubectl meets API groups, and so which resource a bare plural, kind or short
/// name reaches when several groups claim it. kubectl's RESTMapper and short-name expander walk
/// discovery's group list and take the first group that serves the name. That list is sorted by each
/// group's <c>GroupPriorityMinimum</c>, highest first:
/// kube-apiserver's own groups have fixed priorities from 18000 (the core group) down to 15800
/// (<c>pkg/controlplane/apiserver/aggregator.go</c>), while every CRD group is registered with
/// <see cref="CrdGroupPriorityMinimum"/> (<c>crdregistration_controller.go</c>: "CRDs should have
/// relatively low priority"). Ties are broken by group name in aggregated discovery
/// (<c>apiserver/pkg/endpoints/discovery/aggregated/handler.go</c>, the default since Kubernetes
/// 1.27) and by APIService name (<c>version.group</c>) in the older <c>/apis</c> document
/// (kube-aggregator's <c>ByGroupPriorityMinimum</c>).
/// </summary>
public static class DiscoveryOrder
{
    /// <summary>The <c>GroupPriorityMinimum</c> every CRD group gets.</summary>
    public const int CrdGroupPriorityMinimum = 1000;

    /// <summary>The lowest <c>GroupPriorityMinimum</c> of a kube-apiserver group.</summary>
    public const int LowestBuiltInGroupPriorityMinimum = 15800;

    /// <summary>
    /// Resolves a name claimed by several resources. <paramref name="api"/> supplies the served
    /// versions of each CRD group, whose APIService names order the older discovery document.
    /// </summary>
    public static NameResolution Resolve(IReadOnlyList<ApiClaimant> claimants, ApiSurface api)
    {
        ArgumentNullException.ThrowIfNull(claimants);
        ArgumentNullException.ThrowIfNull(api);
        var resources = claimants.GroupBy(c => c.Resource, StringComparer.Ordinal).Select(g => g.First()).ToArray();
        NameResolution Result(ApiClaimant? winner, NameResolutionBasis basis, ApiClaimant? legacy) => new(
            winner, basis, legacy,
            resources.Where(r => winner is null || !string.Equals(r.Resource, winner.Resource, StringComparison.Ordinal)).Select(r => r.Resource).Order(StringComparer.Ordinal).ToArray());

        var builtIns = resources.Where(r => r.Source == ApiClaimantSource.BuiltIn).ToArray();
        if (builtIns.Length > 0)
        {
            // The core group (18000) outranks the other built-in groups; among those the exact
            // order rarely matters here, since a CRD loses to all of them.
            var first = builtIns.OrderBy(b => b.Group.Length == 0 ? 0 : 1).ThenBy(b => b.Group, StringComparer.Ordinal).First();
            return Result(first, NameResolutionBasis.BuiltInFirst, null);
        }

        var groups = resources.Select(r => r.Group).Distinct(StringComparer.Ordinal).ToArray();
        if (groups.Length < 2) return Result(null, NameResolutionBasis.SameGroup, null);

        var winner = resources.OrderBy(r => r.Group, StringComparer.Ordinal).First();
        var legacy = resources.OrderBy(r => FirstApiServiceName(r.Group, api), StringComparer.Ordinal).First();
        return Result(winner, NameResolutionBasis.GroupName, string.Equals(legacy.Group, winner.Group, StringComparison.Ordinal) ? null : legacy);
    }

    // The APIServices the CRD registration controller creates for a group are named version.group,
    // one per served version; the group stands in /apis where its first-sorted name does.
    private static string FirstApiServiceName(string group, ApiSurface api) =>
        api.CrdsOfGroup(group).SelectMany(c => c.ServedVersions).Select(v => v.Name + "." + group).Order(StringComparer.Ordinal).FirstOrDefault() ?? "~" + group;
}
