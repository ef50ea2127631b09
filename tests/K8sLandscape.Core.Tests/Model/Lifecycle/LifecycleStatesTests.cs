using K8sLandscape.Model.Lifecycle;

namespace K8sLandscape.Core.Tests.Model.Lifecycle;

public class LifecycleStatesTests
{
    [Fact]
    public void Helm_statuses_parse_from_their_wire_names_and_move_as_helm_moves_them()
    {
        var helm = LifecycleStates.HelmRelease;

        Assert.Equal(9, helm.States.Count);
        Assert.True(helm.TryParse("pending-rollback", out var s));
        Assert.Equal(HelmReleaseStatus.PendingRollback, s);
        Assert.False(helm.TryParse("Deployed", out _)); // Helm writes lowercase
        Assert.Equal("pending-upgrade", helm.WireName(HelmReleaseStatus.PendingUpgrade));
        Assert.True(helm.CanTransition(HelmReleaseStatus.PendingUpgrade, HelmReleaseStatus.Deployed));
        Assert.True(helm.CanTransition(HelmReleaseStatus.Deployed, HelmReleaseStatus.Superseded));
        Assert.False(helm.CanTransition(HelmReleaseStatus.Superseded, HelmReleaseStatus.Deployed)); // a rollback makes a new revision
        Assert.True(helm.Describe(HelmReleaseStatus.Uninstalled).IsTerminal);
        Assert.False(helm.Describe(HelmReleaseStatus.PendingInstall).IsStable);
    }

    [Fact]
    public void CSV_phases_include_the_empty_phase_and_the_Any_wildcard()
    {
        var csv = LifecycleStates.ClusterServiceVersion;

        Assert.Equal(Enum.GetValues<CsvPhase>().Length, csv.States.Count);
        Assert.True(csv.TryParse(string.Empty, out var none));
        Assert.Equal(CsvPhase.None, none);
        Assert.Equal(new[] { CsvPhase.Installing, CsvPhase.Failed }, csv.Next(CsvPhase.InstallReady));
        Assert.True(csv.CanTransition(CsvPhase.Replacing, CsvPhase.Deleting));
        Assert.Empty(csv.Next(CsvPhase.Any));
    }

    [Fact]
    public void KubeVela_phases_and_capability_levels_parse()
    {
        Assert.True(LifecycleStates.KubeVelaApplication.TryParse("workflowSuspending", out var p));
        Assert.Equal(KubeVelaApplicationPhase.WorkflowSuspending, p);
        Assert.True(LifecycleStates.KubeVelaApplication.CanTransition(KubeVelaApplicationPhase.WorkflowSuspending, KubeVelaApplicationPhase.RunningWorkflow));
        Assert.Equal(10, LifecycleStates.KubeVelaApplication.States.Count);

        Assert.True(LifecycleStates.TryParseCapabilityLevel("seamless upgrades", out var level));
        Assert.Equal(OperatorCapabilityLevel.SeamlessUpgrades, level);
        Assert.True(LifecycleStates.TryParseCapabilityLevel("5", out level));
        Assert.Equal("Auto Pilot", LifecycleStates.DisplayName(level));
        Assert.False(LifecycleStates.TryParseCapabilityLevel("Level 6", out _));
    }
}
