using K8sLandscape.Model.Api;

namespace K8sLandscape.Model.Admission;

/// <summary>
/// One rule of a webhook or admission policy: operations on resources of API groups and versions.
/// <c>*</c> is a wildcard everywhere; resources follow the API server's forms (<c>pods</c>,
/// <c>pods/status</c>, <c>pods/*</c>, <c>*/scale</c>, <c>*</c> for all resources without
/// subresources, <c>*/*</c> for everything).
/// </summary>
/// <param name="Operations"><c>CREATE</c>, <c>UPDATE</c>, <c>DELETE</c>, <c>CONNECT</c> or <c>*</c>.</param>
/// <param name="ApiGroups">API groups (<c>""</c> is the core group).</param>
/// <param name="ApiVersions">API versions.</param>
/// <param name="Resources">Resources, possibly with subresources.</param>
/// <param name="Scope"><c>Cluster</c>, <c>Namespaced</c> or <c>*</c> (the default).</param>
/// <param name="ResourceNames">Object names the rule is limited to (admission policies only); empty means all.</param>
/// <param name="Path">The field path, e.g. <c>webhooks[0].rules[1]</c>.</param>
public sealed record AdmissionRule(
    IReadOnlyList<string> Operations,
    IReadOnlyList<string> ApiGroups,
    IReadOnlyList<string> ApiVersions,
    IReadOnlyList<string> Resources,
    string Scope,
    IReadOnlyList<string> ResourceNames,
    string Path)
{
    /// <summary>
    /// Whether the rule matches a request: <paramref name="resource"/> may name a subresource
    /// (<c>pods/exec</c>); <paramref name="version"/> null ignores versions (as
    /// <c>matchPolicy: Equivalent</c> effectively does for a converted request).
    /// </summary>
    public bool Matches(string group, string resource, string operation, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(operation);
        return Contains(Operations, operation)
            && Contains(ApiGroups, group)
            && (version is null || Contains(ApiVersions, version))
            && Resources.Any(p => ResourcePattern.Parse(p).Overlaps(ResourcePattern.Parse(resource)));
    }

    /// <summary>
    /// Whether some request matches both rules. Versions are compared only when
    /// <paramref name="compareVersions"/> is true (both sides use <c>matchPolicy: Exact</c>).
    /// </summary>
    public bool Overlaps(AdmissionRule other, bool compareVersions = false)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Intersect(Operations, other.Operations)
            && Intersect(ApiGroups, other.ApiGroups)
            && (!compareVersions || Intersect(ApiVersions, other.ApiVersions))
            && ScopesOverlap(Scope, other.Scope)
            && (ResourceNames.Count == 0 || other.ResourceNames.Count == 0 || ResourceNames.Intersect(other.ResourceNames, StringComparer.Ordinal).Any())
            && Resources.Any(a => other.Resources.Any(b => ResourcePattern.Parse(a).Overlaps(ResourcePattern.Parse(b))));
    }

    /// <summary>The (group, resource) pairs the rule names, wildcards kept as written.</summary>
    public IEnumerable<(string Group, string Resource)> GroupResources =>
        ApiGroups.SelectMany(g => Resources.Select(r => (g, r)));

    private static bool Contains(IReadOnlyList<string> values, string value) =>
        values.Any(v => v == "*" || string.Equals(v, value, StringComparison.Ordinal));

    private static bool Intersect(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Any(x => x == "*" || Contains(b, x));

    private static bool ScopesOverlap(string a, string b) => a == "*" || b == "*" || string.Equals(a, b, StringComparison.Ordinal);

    // A resource pattern as a main resource and what it says about subresources.
    private readonly record struct ResourcePattern(string Main, string? Sub)
    {
        // Sub: null = the main resource only; "*" with Main "*" from "*/*" = everything; otherwise a subresource or "*".
        public static ResourcePattern Parse(string text)
        {
            var slash = text.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? new ResourcePattern(text, null) : new ResourcePattern(text[..slash], text[(slash + 1)..]);
        }

        private bool IsEverything => Main == "*" && Sub == "*";

        public bool Overlaps(ResourcePattern other)
        {
            if (IsEverything || other.IsEverything) return true;
            if (!MainOverlaps(other)) return false;
            if (Sub is null || other.Sub is null) return Sub is null && other.Sub is null;
            return Sub == "*" || other.Sub == "*" || string.Equals(Sub, other.Sub, StringComparison.Ordinal);
        }

        private bool MainOverlaps(ResourcePattern other) => Main == "*" || other.Main == "*" || string.Equals(Main, other.Main, StringComparison.Ordinal);
    }
}
