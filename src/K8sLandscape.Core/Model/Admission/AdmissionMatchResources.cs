
namespace K8sLandscape.Model.Admission;

/// <summary>
/// What an admission policy or binding matches: <c>spec.matchConstraints</c> of a policy, or
/// <c>spec.matchResources</c> of a binding (which can only narrow the policy's).
/// </summary>
/// <param name="ResourceRules">Requests matched.</param>
/// <param name="ExcludeResourceRules">Requests excluded even when matched.</param>
/// <param name="NamespaceSelector">Namespaces whose objects are matched.</param>
/// <param name="ObjectSelector">Objects matched.</param>
/// <param name="MatchPolicy"><c>Equivalent</c> (default) or <c>Exact</c>.</param>
/// <param name="Path">The field path.</param>
public sealed record AdmissionMatchResources(
    IReadOnlyList<AdmissionRule> ResourceRules,
    IReadOnlyList<AdmissionRule> ExcludeResourceRules,
    LabelSelector NamespaceSelector,
    LabelSelector ObjectSelector,
    string MatchPolicy,
    string Path)
{
    /// <summary>Whether an operation on a resource of a group is matched and not excluded.</summary>
    public bool Intercepts(string group, string resource, string operation, string? version = null) =>
        ResourceRules.Any(r => r.Matches(group, resource, operation, version))
        && !ExcludeResourceRules.Any(r => r.Matches(group, resource, operation, version));
}
