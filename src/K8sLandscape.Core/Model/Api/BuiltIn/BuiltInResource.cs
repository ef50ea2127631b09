using K8sLandscape.Loading;

namespace K8sLandscape.Model.Api.BuiltIn;

/// <summary>A resource kube-apiserver serves without any extension (no CRD, no aggregated API).</summary>
/// <param name="Group">The API group; empty for the core group.</param>
/// <param name="Versions">The versions it is served in, highest priority (the preferred one) first.</param>
/// <param name="Kind">The kind, e.g. <c>Deployment</c>.</param>
/// <param name="Plural">The resource (plural) name, e.g. <c>deployments</c>.</param>
/// <param name="Singular">The singular name, e.g. <c>deployment</c>.</param>
/// <param name="ShortNames">kubectl short names, e.g. <c>deploy</c>.</param>
/// <param name="Categories">Categories, e.g. <c>all</c>.</param>
/// <param name="Namespaced">True for namespaced resources.</param>
public sealed record BuiltInResource(
    string Group,
    IReadOnlyList<string> Versions,
    string Kind,
    string Plural,
    string Singular,
    IReadOnlyList<string> ShortNames,
    IReadOnlyList<string> Categories,
    bool Namespaced)
{
    /// <summary>The group and kind.</summary>
    public GroupKind GroupKind => new(Group, Kind);

    /// <summary>The preferred (highest priority) version.</summary>
    public string PreferredVersion => Versions.Count > 0 ? Versions[0] : string.Empty;

    /// <summary>The preferred <c>apiVersion</c>, e.g. <c>apps/v1</c> or <c>v1</c>.</summary>
    public string PreferredApiVersion => Group.Length == 0 ? PreferredVersion : Group + "/" + PreferredVersion;
}
