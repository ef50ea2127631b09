namespace K8sLandscape.Sources;

/// <summary>Which namespaces a namespaced kind is read from.</summary>
public enum ClusterNamespaceScope
{
    /// <summary>Every namespace (or every namespace the user named).</summary>
    AllNamespaces = 0,

    /// <summary>
    /// Only the system namespaces of <see cref="ClusterReadOptions.SystemNamespaces"/> (or those of
    /// them the user named), unless <see cref="ClusterReadOptions.AllNamespacesForSystemScopedKinds"/> is set.
    /// </summary>
    SystemNamespaces = 1,
}
