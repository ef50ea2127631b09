namespace K8sLandscape.Model.Lifecycle;

/// <summary>The phase of a KubeVela Application (<c>status.status</c>).</summary>
public enum KubeVelaApplicationPhase
{
    /// <summary><c>starting</c>: accepted, not yet rendered.</summary>
    Starting,

    /// <summary><c>rendering</c>: components and traits are being rendered.</summary>
    Rendering,

    /// <summary><c>policyGenerating</c>: policies are being generated.</summary>
    PolicyGenerating,

    /// <summary><c>runningWorkflow</c>: the delivery workflow is running.</summary>
    RunningWorkflow,

    /// <summary><c>workflowSuspending</c>: the workflow is suspended (e.g. waiting for approval).</summary>
    WorkflowSuspending,

    /// <summary><c>workflowTerminated</c>: the workflow was terminated.</summary>
    WorkflowTerminated,

    /// <summary><c>workflowFailed</c>: the workflow failed.</summary>
    WorkflowFailed,

    /// <summary><c>unhealthy</c>: delivered, but health checks fail.</summary>
    Unhealthy,

    /// <summary><c>deleting</c>: being deleted.</summary>
    Deleting,

    /// <summary><c>running</c>: delivered and healthy.</summary>
    Running,
}
