namespace K8sLandscape.Loading;

/// <summary>An API group, version and kind, as in <c>apps/v1</c> <c>DaemonSet</c>. The core group is empty.</summary>
/// <param name="Group">The API group; empty for the core (legacy) group.</param>
/// <param name="Version">The API version within the group, for example <c>v1beta1</c>.</param>
/// <param name="Kind">The kind, for example <c>DaemonSet</c>.</param>
public readonly record struct GroupVersionKind(string Group, string Version, string Kind)
{
    /// <summary>The <c>apiVersion</c> string: <c>group/version</c>, or just <c>version</c> for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    /// <summary>Group and kind without the version, the identity that survives version changes.</summary>
    public GroupKind GroupKind => new(Group, Kind);

    /// <summary>Splits an <c>apiVersion</c> string and pairs it with a kind.</summary>
    public static GroupVersionKind FromApiVersion(string apiVersion, string kind)
    {
        var slash = apiVersion.LastIndexOf('/');
        return slash < 0
            ? new GroupVersionKind(string.Empty, apiVersion, kind)
            : new GroupVersionKind(apiVersion[..slash], apiVersion[(slash + 1)..], kind);
    }

    /// <summary>Formats as <c>apiVersion/kind</c>, for example <c>apps/v1/DaemonSet</c> or <c>v1/ConfigMap</c>.</summary>
    public override string ToString() => ApiVersion + "/" + Kind;
}

/// <summary>An API group and kind, without a version.</summary>
/// <param name="Group">The API group; empty for the core group.</param>
/// <param name="Kind">The kind.</param>
public readonly record struct GroupKind(string Group, string Kind)
{
    /// <summary>Formats as <c>Kind.group</c> (kubectl's form), or just <c>Kind</c> for the core group.</summary>
    public override string ToString() => Group.Length == 0 ? Kind : Kind + "." + Group;
}
