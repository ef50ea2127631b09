using H = K8sLandscape.Model.Lifecycle.HelmReleaseStatus;
using P = K8sLandscape.Model.Lifecycle.CsvPhase;
using V = K8sLandscape.Model.Lifecycle.KubeVelaApplicationPhase;

namespace K8sLandscape.Model.Lifecycle;

/// <summary>The lifecycle state models of Helm, OLM and KubeVela, and the operator capability levels.</summary>
public static class LifecycleStates
{
    /// <summary>
    /// Helm release revisions (Helm 3 <c>pkg/release/status.go</c>; transitions as the install,
    /// upgrade, rollback and uninstall actions make them). Each revision has its own status; the
    /// revision a successful upgrade or rollback replaces becomes superseded.
    /// </summary>
    public static LifecycleStateModel<H> HelmRelease { get; } = new(
        "helm-release",
        H.PendingInstall,
        [
            new(H.Unknown, "unknown", "The release is in an uncertain state.", false, false),
            new(H.Deployed, "deployed", "The revision is deployed and in use.", false, true),
            new(H.Uninstalled, "uninstalled", "The release was uninstalled with --keep-history.", true, true),
            new(H.Superseded, "superseded", "A newer revision replaced this one.", false, true),
            new(H.Failed, "failed", "The install, upgrade or rollback of this revision failed.", false, true),
            new(H.Uninstalling, "uninstalling", "An uninstall is in progress.", false, false),
            new(H.PendingInstall, "pending-install", "An install is in progress.", false, false),
            new(H.PendingUpgrade, "pending-upgrade", "An upgrade is in progress.", false, false),
            new(H.PendingRollback, "pending-rollback", "A rollback is in progress.", false, false),
        ],
        [
            new(H.PendingInstall, H.Deployed, "helm install succeeded"),
            new(H.PendingInstall, H.Failed, "helm install failed or timed out"),
            new(H.PendingUpgrade, H.Deployed, "helm upgrade succeeded"),
            new(H.PendingUpgrade, H.Failed, "helm upgrade failed or timed out"),
            new(H.PendingRollback, H.Deployed, "helm rollback succeeded"),
            new(H.PendingRollback, H.Failed, "helm rollback failed"),
            new(H.Deployed, H.Superseded, "a newer revision was deployed by upgrade or rollback"),
            new(H.Failed, H.Superseded, "a later upgrade or rollback succeeded"),
            new(H.Deployed, H.Uninstalling, "helm uninstall started"),
            new(H.Failed, H.Uninstalling, "helm uninstall started"),
            new(H.Superseded, H.Uninstalling, "helm uninstall started"),
            new(H.Uninstalling, H.Uninstalled, "helm uninstall --keep-history finished"),
            new(H.Uninstalling, H.Failed, "helm uninstall failed"),
            new(H.Unknown, H.Deployed, "status recovered"),
            new(H.Unknown, H.Failed, "status recovered"),
        ]);

    /// <summary>
    /// OLM ClusterServiceVersion phases, following the CSV controller's transitions
    /// (operator-lifecycle-manager <c>transitionCSVState</c>). <see cref="CsvPhase.Any"/> is a
    /// wildcard with no transitions.
    /// </summary>
    public static LifecycleStateModel<P> ClusterServiceVersion { get; } = new(
        "olm-csv",
        P.None,
        [
            new(P.None, string.Empty, "Created; no phase yet.", false, false),
            new(P.Pending, "Pending", "Waiting for requirements: CRDs, API services, permissions, an OperatorGroup.", false, false),
            new(P.InstallReady, "InstallReady", "Requirements met; ready to run the install strategy.", false, false),
            new(P.Installing, "Installing", "Deployments created; waiting for them to become available.", false, false),
            new(P.Succeeded, "Succeeded", "Installed and healthy.", false, true),
            new(P.Failed, "Failed", "The install or a component failed.", false, true),
            new(P.Unknown, "Unknown", "The phase could not be determined.", false, false),
            new(P.Replacing, "Replacing", "A newer CSV that replaces this one is installing.", false, false),
            new(P.Deleting, "Deleting", "Being deleted after the replacement succeeded.", true, false),
            new(P.Any, "Any", "Wildcard used by OLM in conditions, never a real phase.", true, false),
        ],
        [
            new(P.None, P.Pending, "requirements are being checked"),
            new(P.Pending, P.InstallReady, "requirements met"),
            new(P.Pending, P.Failed, "no usable OperatorGroup or unsupported install mode"),
            new(P.InstallReady, P.Installing, "install strategy applied"),
            new(P.InstallReady, P.Failed, "invalid install strategy"),
            new(P.Installing, P.Succeeded, "deployments available"),
            new(P.Installing, P.Failed, "install check failed or timed out"),
            new(P.Installing, P.Pending, "requirements no longer met"),
            new(P.Succeeded, P.Failed, "a component became unhealthy"),
            new(P.Succeeded, P.Pending, "requirements no longer met"),
            new(P.Succeeded, P.Replacing, "a newer CSV replaces it"),
            new(P.Failed, P.Pending, "requirements re-checked for a reinstall"),
            new(P.Failed, P.Replacing, "a newer CSV replaces it"),
            new(P.Failed, P.Succeeded, "components recovered"),
            new(P.Unknown, P.Pending, "phase re-evaluated"),
            new(P.Replacing, P.Deleting, "the replacing CSV succeeded"),
        ]);

    /// <summary>KubeVela Application phases (<c>common.ApplicationPhase</c>), following the application controller's order.</summary>
    public static LifecycleStateModel<V> KubeVelaApplication { get; } = new(
        "kubevela-application",
        V.Starting,
        [
            new(V.Starting, "starting", "Accepted, not yet rendered.", false, false),
            new(V.Rendering, "rendering", "Components and traits are being rendered.", false, false),
            new(V.PolicyGenerating, "policyGenerating", "Policies are being generated.", false, false),
            new(V.RunningWorkflow, "runningWorkflow", "The delivery workflow is running.", false, false),
            new(V.WorkflowSuspending, "workflowSuspending", "The workflow is suspended, e.g. waiting for approval.", false, true),
            new(V.WorkflowTerminated, "workflowTerminated", "The workflow was terminated.", false, true),
            new(V.WorkflowFailed, "workflowFailed", "The workflow failed.", false, true),
            new(V.Unhealthy, "unhealthy", "Delivered, but health checks fail.", false, true),
            new(V.Deleting, "deleting", "Being deleted.", true, false),
            new(V.Running, "running", "Delivered and healthy.", false, true),
        ],
        [
            new(V.Starting, V.Rendering, "reconcile started"),
            new(V.Rendering, V.PolicyGenerating, "rendered"),
            new(V.Rendering, V.RunningWorkflow, "rendered, no policies"),
            new(V.PolicyGenerating, V.RunningWorkflow, "policies generated"),
            new(V.RunningWorkflow, V.WorkflowSuspending, "a suspend step was reached"),
            new(V.RunningWorkflow, V.WorkflowTerminated, "the workflow was terminated"),
            new(V.RunningWorkflow, V.WorkflowFailed, "a step failed"),
            new(V.RunningWorkflow, V.Unhealthy, "workflow finished, health checks fail"),
            new(V.RunningWorkflow, V.Running, "workflow finished, healthy"),
            new(V.WorkflowSuspending, V.RunningWorkflow, "resumed"),
            new(V.WorkflowSuspending, V.WorkflowTerminated, "terminated while suspended"),
            new(V.WorkflowFailed, V.Rendering, "the application was changed or restarted"),
            new(V.WorkflowTerminated, V.Rendering, "the application was changed or restarted"),
            new(V.Unhealthy, V.Running, "health checks pass"),
            new(V.Running, V.Unhealthy, "health checks fail"),
            new(V.Running, V.Rendering, "the application spec changed"),
            new(V.Unhealthy, V.Rendering, "the application spec changed"),
            new(V.Starting, V.Deleting, "deleted"),
            new(V.Rendering, V.Deleting, "deleted"),
            new(V.PolicyGenerating, V.Deleting, "deleted"),
            new(V.RunningWorkflow, V.Deleting, "deleted"),
            new(V.WorkflowSuspending, V.Deleting, "deleted"),
            new(V.WorkflowTerminated, V.Deleting, "deleted"),
            new(V.WorkflowFailed, V.Deleting, "deleted"),
            new(V.Unhealthy, V.Deleting, "deleted"),
            new(V.Running, V.Deleting, "deleted"),
        ]);

    /// <summary>The display name of a capability level, e.g. <c>Deep Insights</c>.</summary>
    public static string DisplayName(OperatorCapabilityLevel level) => level switch
    {
        OperatorCapabilityLevel.BasicInstall => "Basic Install",
        OperatorCapabilityLevel.SeamlessUpgrades => "Seamless Upgrades",
        OperatorCapabilityLevel.FullLifecycle => "Full Lifecycle",
        OperatorCapabilityLevel.DeepInsights => "Deep Insights",
        OperatorCapabilityLevel.AutoPilot => "Auto Pilot",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "capability levels run from 1 to 5"),
    };

    /// <summary>Reads a level from a CSV's <c>capabilities</c> annotation (<c>Basic Install</c>, any case) or a number 1–5.</summary>
    public static bool TryParseCapabilityLevel(string? text, out OperatorCapabilityLevel level)
    {
        level = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        if (t.Length == 1 && t[0] is >= '1' and <= '5')
        {
            level = (OperatorCapabilityLevel)(t[0] - '0');
            return true;
        }

        foreach (var l in Enum.GetValues<OperatorCapabilityLevel>())
        {
            if (string.Equals(DisplayName(l), t, StringComparison.OrdinalIgnoreCase))
            {
                level = l;
                return true;
            }
        }

        return false;
    }
}
