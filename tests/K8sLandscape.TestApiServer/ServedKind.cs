namespace K8sLandscape.TestApiServer;

/// <summary>A resource the test API server serves at one version.</summary>
/// <param name="Group">The API group; empty for the core group.</param>
/// <param name="Version">The version.</param>
/// <param name="Resource">The resource (plural) in URLs.</param>
/// <param name="Kind">The kind.</param>
/// <param name="Namespaced">Whether objects live in namespaces.</param>
public sealed record ServedKind(string Group, string Version, string Resource, string Kind, bool Namespaced)
{
    /// <summary>The <c>apiVersion</c> of the version served.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    /// <summary>The path of its group version: <c>/api/v1</c> or <c>/apis/group/version</c>.</summary>
    public string GroupVersionPath => Group.Length == 0 ? "/api/" + Version : "/apis/" + Group + "/" + Version;

    /// <summary>The list path across all namespaces, or in one.</summary>
    public string ListPath(string? ns = null) =>
        ns is null ? $"{GroupVersionPath}/{Resource}" : $"{GroupVersionPath}/namespaces/{ns}/{Resource}";
}
