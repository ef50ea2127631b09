using K8sLandscape.Loading;

namespace K8sLandscape.Sources;

/// <summary>
/// Locations of objects read from a cluster: <c>cluster://&lt;context&gt;/&lt;resource path&gt;</c>,
/// for example <c>cluster://prod/apis/apps/v1/namespaces/kube-system/daemonsets/calico-node</c>, line 0,
/// in place of a file and line.
/// </summary>
public static class ClusterLocation
{
    /// <summary>The scheme that starts every cluster location.</summary>
    public const string Scheme = "cluster://";

    /// <summary>The location of a resource path (which starts with <c>/</c>) in a context.</summary>
    public static string For(string context, string resourcePath)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resourcePath);
        return Scheme + context + (resourcePath.StartsWith('/') ? resourcePath : "/" + resourcePath);
    }

    /// <summary>True when a span points into a cluster rather than a file.</summary>
    public static bool IsCluster(SourceSpan span) => span.Path.StartsWith(Scheme, StringComparison.Ordinal);
}
