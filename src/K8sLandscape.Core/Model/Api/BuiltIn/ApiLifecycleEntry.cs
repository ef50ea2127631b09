namespace K8sLandscape.Model.Api.BuiltIn;

/// <summary>One deprecated or removed built-in API version of a kind, from the Kubernetes deprecated API migration guide.</summary>
/// <param name="Group">The API group; empty for the core group.</param>
/// <param name="Version">The deprecated version, e.g. <c>v1beta1</c>.</param>
/// <param name="Kind">The kind.</param>
/// <param name="DeprecatedIn">The release that deprecated it, when known.</param>
/// <param name="RemovedIn">The release that stopped serving it, or null while it is still served.</param>
/// <param name="ReplacementApiVersion">The <c>apiVersion</c> to migrate to, or null when there is none.</param>
/// <param name="ReplacementKind">The kind to migrate to, when it is not the same kind.</param>
/// <param name="Note">What to do when there is no simple replacement.</param>
public sealed record ApiLifecycleEntry(
    string Group,
    string Version,
    string Kind,
    KubernetesVersion? DeprecatedIn,
    KubernetesVersion? RemovedIn,
    string? ReplacementApiVersion,
    string? ReplacementKind = null,
    string? Note = null)
{
    /// <summary>The deprecated <c>apiVersion</c>, e.g. <c>extensions/v1beta1</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;
}
