using K8sLandscape.Loading;
using K8sLandscape.Model.Api.BuiltIn;

namespace K8sLandscape.Model.Api;

/// <summary>
/// One claim on an API name (a short name, plural, singular or kind) or on a group/version: who
/// makes it and where. Several claimants of one name from different resources are a collision.
/// </summary>
/// <param name="Source">What makes the claim.</param>
/// <param name="Group">The API group.</param>
/// <param name="ResourceKind">The kind (empty for an APIService, which claims a whole group/version).</param>
/// <param name="Plural">The plural resource name (empty for an APIService).</param>
/// <param name="Versions">The versions claimed (served versions of a CRD, the APIService's version, a built-in's versions).</param>
/// <param name="Location">The field that makes the claim, e.g. a CRD's <c>spec.names.shortNames[0]</c>; unknown for built-ins.</param>
/// <param name="Crd">The CRD, for <see cref="ApiClaimantSource.CustomResourceDefinition"/>.</param>
/// <param name="ApiService">The APIService, for <see cref="ApiClaimantSource.ApiService"/>.</param>
/// <param name="BuiltIn">The built-in resource, for <see cref="ApiClaimantSource.BuiltIn"/>.</param>
public sealed record ApiClaimant(
    ApiClaimantSource Source,
    string Group,
    string ResourceKind,
    string Plural,
    IReadOnlyList<string> Versions,
    SourceSpan Location,
    CrdInfo? Crd = null,
    ApiServiceInfo? ApiService = null,
    BuiltInResource? BuiltIn = null)
{
    /// <summary>The resource identity: <c>plural.group</c> (<c>plural</c> for the core group), or <c>version.group</c> for an APIService.</summary>
    public string Resource => Source == ApiClaimantSource.ApiService
        ? (ApiService?.Name ?? Group)
        : (Group.Length == 0 ? Plural : Plural + "." + Group);

    /// <summary>The object making the claim, or null for a built-in.</summary>
    public KubeObject? Object => Crd?.Object ?? ApiService?.Object;

    /// <summary>Formats as <c>source resource (location)</c>.</summary>
    public override string ToString() => $"{Source} {Resource}" + (Location.IsKnown ? $" ({Location})" : string.Empty);
}
