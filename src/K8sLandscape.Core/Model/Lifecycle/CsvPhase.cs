namespace K8sLandscape.Model.Lifecycle;

/// <summary>The phase of an OLM ClusterServiceVersion (<c>status.phase</c>).</summary>
public enum CsvPhase
{
    /// <summary>No phase yet (the empty string).</summary>
    None,

    /// <summary><c>Pending</c>: waiting for requirements (CRDs, API services, permissions).</summary>
    Pending,

    /// <summary><c>InstallReady</c>: requirements met, ready to install.</summary>
    InstallReady,

    /// <summary><c>Installing</c>: deployments created, waiting for them to become ready.</summary>
    Installing,

    /// <summary><c>Succeeded</c>: installed and healthy.</summary>
    Succeeded,

    /// <summary><c>Failed</c>: the install or a component failed.</summary>
    Failed,

    /// <summary><c>Unknown</c>: the phase could not be determined.</summary>
    Unknown,

    /// <summary><c>Replacing</c>: a newer CSV replaces this one.</summary>
    Replacing,

    /// <summary><c>Deleting</c>: being garbage-collected after replacement.</summary>
    Deleting,

    /// <summary><c>Any</c>: OLM's wildcard used in conditions, never an object's real phase.</summary>
    Any,
}
