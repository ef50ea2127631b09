namespace K8sLandscape.Model.Api;

/// <summary>Whether objects of a resource live in a namespace.</summary>
public enum ResourceScope
{
    /// <summary>Not stated.</summary>
    Unknown = 0,

    /// <summary>Objects live in a namespace.</summary>
    Namespaced,

    /// <summary>Objects are cluster-wide.</summary>
    Cluster,
}
