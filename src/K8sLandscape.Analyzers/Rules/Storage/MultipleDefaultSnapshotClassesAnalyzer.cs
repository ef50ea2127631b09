using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Rules.Storage;

/// <summary>KL3005: one CSI driver has more than one default VolumeSnapshotClass.</summary>
internal sealed class MultipleDefaultSnapshotClassesAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL3005",
        "More than one default VolumeSnapshotClass for one driver",
        "{0} VolumeSnapshotClasses are annotated default for driver '{1}': {2}",
        RuleCategory.Storage,
        DiagnosticSeverity.Error,
        """
        A VolumeSnapshot without `volumeSnapshotClassName` gets the default class of the driver that
        provisioned its source volume: the snapshot controller (external-snapshotter) looks for the one
        VolumeSnapshotClass of that driver annotated `snapshot.storage.kubernetes.io/is-default-class:
        "true"`. When it finds more than one, it refuses to choose: the snapshot fails with `more than one
        default snapshot class found for snapshot` (external-snapshotter's `SetDefaultSnapshotClass`), and
        backup tools that rely on the default (Velero's CSI plugin, for one) fail for every volume of that
        driver. Defaults of different drivers do not conflict.

        Documents defining the same class name are one API object and count once. The finding reports at
        the annotation of the first class by location and lists the others.
        """,
        """
        Keep one default VolumeSnapshotClass per driver: remove the annotation from the others.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var byDriver = context.Landscape.Storage.SnapshotClasses.Where(s => s.IsDefault && s.Driver.Length > 0)
            .GroupBy(s => s.Driver, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var g in byDriver)
        {
            var classes = g.GroupBy(s => s.Name, StringComparer.Ordinal).Select(n => n.OrderBy(s => s.Location).First())
                .OrderBy(s => s.Location).ToArray();
            if (classes.Length < 2) continue;
            var first = classes[0];
            context.Report(Descriptor, first.Location, Parties.Others(first.Location, classes.Select(s => s.Location)), first.Object.Ref,
                Parties.Count(classes.Length), g.Key, Parties.Names(classes.Select(s => s.Name)));
        }
    }
}
