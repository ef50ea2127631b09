namespace K8sLandscape.Sources;

/// <summary>A resource the server lists, as discovery described it.</summary>
internal sealed record ServedResource(string Group, string Version, string Resource, string Kind, bool Namespaced)
{
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    /// <summary>The URL path of the group version, without a leading slash.</summary>
    public string GroupVersionPath => Group.Length == 0 ? "api/" + Version : "apis/" + Group + "/" + Version;

    /// <summary>The list path, in one namespace or across all (no leading slash).</summary>
    public string ListPath(string? ns) =>
        ns is null ? $"{GroupVersionPath}/{Resource}" : $"{GroupVersionPath}/namespaces/{Uri.EscapeDataString(ns)}/{Resource}";
}
