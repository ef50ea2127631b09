namespace K8sLandscape.Model.Lifecycle;

/// <summary>The Operator Framework's capability levels (a CSV's <c>capabilities</c> annotation).</summary>
public enum OperatorCapabilityLevel
{
    /// <summary>Level 1, <c>Basic Install</c>: automated provisioning and configuration.</summary>
    BasicInstall = 1,

    /// <summary>Level 2, <c>Seamless Upgrades</c>: patch and minor version upgrades.</summary>
    SeamlessUpgrades = 2,

    /// <summary>Level 3, <c>Full Lifecycle</c>: backup, failure recovery, storage lifecycle.</summary>
    FullLifecycle = 3,

    /// <summary>Level 4, <c>Deep Insights</c>: metrics, alerts, log processing, workload analysis.</summary>
    DeepInsights = 4,

    /// <summary>Level 5, <c>Auto Pilot</c>: horizontal and vertical scaling, auto-tuning, anomaly detection.</summary>
    AutoPilot = 5,
}
