namespace K8sLandscape.Model.Runtime;

/// <summary>Whether a container runtime engine release serves a CRI API version.</summary>
public enum CriVersionSupport
{
    /// <summary>Not known: an engine or version the built-in data does not describe.</summary>
    Unknown = 0,

    /// <summary>The release serves the API version.</summary>
    Yes,

    /// <summary>The release does not serve the API version.</summary>
    No,
}
