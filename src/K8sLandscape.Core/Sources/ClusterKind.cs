namespace K8sLandscape.Sources;

/// <summary>
/// One kind the cluster source reads: its API group, resource (the plural in the URL) and kind,
/// and how it is read. The version is not part of it: discovery picks the version the server prefers.
/// </summary>
/// <param name="Group">The API group; empty for the core group.</param>
/// <param name="Resource">The resource name as it appears in URLs and RBAC rules, for example <c>daemonsets</c>.</param>
/// <param name="Kind">The kind, for example <c>DaemonSet</c>.</param>
/// <param name="Namespaced">Whether objects live in namespaces (discovery has the last word at run time).</param>
/// <param name="Access">Whole objects, or metadata only.</param>
/// <param name="Scope">Which namespaces a namespaced kind is read from.</param>
public sealed record ClusterKind(
    string Group,
    string Resource,
    string Kind,
    bool Namespaced,
    ClusterKindAccess Access = ClusterKindAccess.Full,
    ClusterNamespaceScope Scope = ClusterNamespaceScope.AllNamespaces)
{
    /// <summary>The group-qualified resource as kubectl and RBAC errors write it: <c>daemonsets.apps</c>, or <c>pods</c> for the core group.</summary>
    public string GroupResource => Group.Length == 0 ? Resource : Resource + "." + Group;

    /// <inheritdoc />
    public override string ToString() => GroupResource;
}
