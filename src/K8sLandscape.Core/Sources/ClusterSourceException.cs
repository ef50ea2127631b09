namespace K8sLandscape.Sources;

/// <summary>
/// The cluster cannot be read at all: no usable configuration, the API server unreachable, or its
/// core discovery refused. Problems with single kinds are diagnostics, not this exception.
/// </summary>
public sealed class ClusterSourceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClusterSourceException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ClusterSourceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ClusterSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
