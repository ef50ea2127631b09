using K8sLandscape.Loading;
using K8sLandscape.Model.Storage;

namespace K8sLandscape.Analyzers.Rules.Storage;

/// <summary>KL3001: more than one StorageClass is annotated default.</summary>
internal sealed class MultipleDefaultStorageClassesAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL3001",
        "More than one default StorageClass",
        "{0} StorageClasses are annotated default: {1}",
        RuleCategory.Storage,
        DiagnosticSeverity.Error,
        """
        A PersistentVolumeClaim without `storageClassName` gets the default StorageClass, chosen by the
        `DefaultStorageClass` admission plugin from the classes annotated
        `storageclass.kubernetes.io/is-default-class: "true"` or, still honoured, the beta
        `storageclass.beta.kubernetes.io/is-default-class: "true"`. With several defaults, Kubernetes before
        1.26 rejected such claims outright (`Internal error occurred: 2 default StorageClasses were found`);
        since 1.26 it silently picks the most recently created one, so which driver provisions a claim —
        and whether the volume is a cloud disk, an NFS share or a directory on one node — depends on the
        order the classes were installed. Add-ons and distributions each ship "their" default (cloud
        provider addons, k3s' local-path, a CSI driver's example), so this happens easily.

        Documents defining the same class name are one API object and count once. The finding reports at
        the annotation of the first class by location and lists the other classes' annotations.
        """,
        """
        Keep exactly one default: remove the annotation from the others (or set it to `"false"`),
        for example `kubectl annotate storageclass standard storageclass.kubernetes.io/is-default-class-`
        and the same for the beta key.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var defaults = context.Landscape.Storage.DefaultStorageClasses
            .GroupBy(c => c.Name, StringComparer.Ordinal)
            .Select(g => g.OrderBy(c => c.Location).First())
            .OrderBy(c => c.Location).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToArray();
        if (defaults.Length < 2) return;
        var first = defaults[0];
        context.Report(Descriptor, first.Location, Parties.Others(first.Location, defaults.Select(c => c.Location)), first.Object.Ref,
            Parties.Count(defaults.Length), Parties.Join(defaults.Select(Describe)));
    }

    private static string Describe(StorageClassInfo c) =>
        $"'{c.Name}' ({(c.DefaultAnnotation == StorageSurface.BetaDefaultClassAnnotation ? "beta annotation" : "GA annotation")}, provisioner '{c.Provisioner}')";
}
