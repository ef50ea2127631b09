using K8sLandscape.Loading;
using K8sLandscape.Model.Storage;

namespace K8sLandscape.Analyzers.Rules.Storage;

/// <summary>KL3004: StorageClasses use both an in-tree provisioner and the CSI driver it migrates to.</summary>
internal sealed class InTreeAndCsiMigrationTargetAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL3004",
        "An in-tree provisioner and its CSI migration target are both in use",
        "StorageClasses use both the in-tree provisioner '{0}' ({1}) and its CSI migration target '{2}' ({3})",
        RuleCategory.Storage,
        DiagnosticSeverity.Warning,
        """
        CSI migration (GA for AWS EBS, GCE PD, Azure Disk and File, Cinder and vSphere between Kubernetes
        1.23 and 1.26) routes every operation for an in-tree provisioner such as `kubernetes.io/aws-ebs`
        to its CSI driver (`ebs.csi.aws.com`) through the csi-translation library; the in-tree volume
        plugins themselves have since been removed from Kubernetes. A cluster with classes on both names
        has two classes for one backend that behave differently: the translated in-tree class keeps the
        old parameter names and defaults (EBS in-tree defaults to `gp2`, the CSI driver to `gp3`), in-tree
        parameters the translation does not carry are dropped silently, its volumes carry the in-tree
        name in their PersistentVolume spec and need the migration feature to be attached, and a new claim
        lands on whichever class the user names. It is the leftover of an unfinished move to CSI.

        The finding reports at the first class by location and lists the other classes of both names.
        """,
        """
        Move workloads to classes that name the CSI driver directly, make one of them the default, and
        delete the in-tree classes once no claim uses them (existing volumes keep working through
        migration).
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var storage = context.Landscape.Storage;
        var byProvisioner = storage.StorageClasses.GroupBy(c => c.Provisioner, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Location).ToArray(), StringComparer.Ordinal);
        foreach (var driver in storage.Drivers)
        {
            if (!driver.IsInTree || driver.MigrationTarget is not { } target) continue;
            if (!byProvisioner.TryGetValue(driver.Name, out var inTree) || !byProvisioner.TryGetValue(target, out var csi)) continue;
            var all = inTree.Concat(csi).OrderBy(c => c.Location).ToArray();
            var first = all[0];
            var at = first.Object.LocationOf("provisioner");
            context.Report(Descriptor, at, Parties.Others(at, all.Select(c => c.Object.LocationOf("provisioner"))), first.Object.Ref,
                driver.Name, Parties.Names(inTree.Select(c => c.Name).Distinct(StringComparer.Ordinal)), target, Parties.Names(csi.Select(c => c.Name).Distinct(StringComparer.Ordinal)));
        }
    }
}
