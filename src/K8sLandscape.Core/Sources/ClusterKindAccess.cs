namespace K8sLandscape.Sources;

/// <summary>How much of each object of a kind is read from the cluster.</summary>
public enum ClusterKindAccess
{
    /// <summary>The whole object.</summary>
    Full = 0,

    /// <summary>
    /// Only <c>metadata</c>, through the PartialObjectMetadataList form of the list call, so that the
    /// rest of the object (a Secret's data) never reaches the process.
    /// </summary>
    MetadataOnly = 1,
}
