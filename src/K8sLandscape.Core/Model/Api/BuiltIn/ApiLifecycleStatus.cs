namespace K8sLandscape.Model.Api.BuiltIn;

/// <summary>Whether a built-in API version is served by a Kubernetes release.</summary>
public enum ApiLifecycleStatus
{
    /// <summary>Not a built-in API version the library knows (a custom resource, or a typo).</summary>
    Unknown = 0,

    /// <summary>Served and not deprecated.</summary>
    Served,

    /// <summary>Still served, but deprecated: move to the replacement before it is removed.</summary>
    Deprecated,

    /// <summary>No longer served: the API server rejects it.</summary>
    Removed,
}
