using K8sLandscape.Loading;
using K8sLandscape.Model.Storage;

namespace K8sLandscape.Analyzers.Rules.Storage;

/// <summary>KL3003: a claim asks for an access mode its class's driver cannot serve.</summary>
internal sealed class UnsupportedAccessModeAnalyzer : LandscapeAnalyzer
{
    private const string ReadWriteOnce = "ReadWriteOnce";
    private const string ReadWriteOncePod = "ReadWriteOncePod";

    public static RuleDescriptor Descriptor { get; } = new(
        "KL3003",
        "A PersistentVolumeClaim asks for an access mode its class's driver does not support",
        "PersistentVolumeClaim '{0}' asks for {1}, but StorageClass '{2}'{3} provisions with '{4}', which supports only {5}",
        RuleCategory.Storage,
        DiagnosticSeverity.Error,
        """
        A claim's `accessModes` travel to the driver: the external-provisioner passes them to CSI
        `CreateVolume` as volume capabilities (`MULTI_NODE_MULTI_WRITER` for `ReadWriteMany`), and a driver
        that cannot serve one answers `InvalidArgument`. The API server accepts any mode on any class, so
        the claim stays `Pending` with `ProvisioningFailed` events, and the pods using it never start. The
        classic case is `ReadWriteMany` on block storage: a cloud disk (EBS, Persistent Disk, Azure Disk)
        attaches to one node at a time, so a Deployment that scales out expecting shared storage cannot get
        it; file storage (NFS, CephFS, EFS, Azure Files) is what serves `ReadWriteMany`.

        The driver's modes come from the catalog; drivers it does not describe are not judged. A claim
        without `storageClassName` is judged against the default class only when exactly one class is
        default. `ReadWriteOncePod` is accepted wherever `ReadWriteOnce` is, since the kubelet maps it to
        the single-node capability the driver already has.
        """,
        """
        Use a class whose driver serves the mode (a file-storage driver for `ReadWriteMany`), or change the
        claim to a mode the driver supports (`ReadWriteOnce`, with one replica or a StatefulSet with a claim
        per pod).
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var storage = context.Landscape.Storage;
        if (storage.Claims.Count == 0) return;
        var classes = new Dictionary<string, StorageClassInfo>(StringComparer.Ordinal);
        foreach (var c in storage.StorageClasses.OrderBy(c => c.Location)) classes.TryAdd(c.Name, c);
        var defaults = storage.DefaultStorageClasses.Select(c => c.Name).Distinct(StringComparer.Ordinal).ToArray();
        var defaultClass = defaults.Length == 1 ? classes[defaults[0]] : null;
        var drivers = storage.Drivers.ToDictionary(d => d.Name, StringComparer.Ordinal);

        foreach (var claim in storage.Claims)
        {
            var cls = claim.StorageClassName switch
            {
                null => defaultClass,
                "" => null,
                var name => classes.GetValueOrDefault(name),
            };
            if (cls is null || !drivers.TryGetValue(cls.Provisioner, out var driver)) continue;
            var supported = driver.Capabilities.AccessModes;
            if (supported.Count == 0) continue;
            var missing = claim.AccessModes.Where(m => !Serves(supported, m)).Distinct(StringComparer.Ordinal).ToArray();
            if (missing.Length == 0) continue;
            var at = claim.Object.LocationOf("spec.accessModes");
            context.Report(Descriptor, at, Parties.Others(at, [cls.Object.Location]), claim.Object.Ref,
                Parties.Display(claim.Object), Parties.Join(missing), cls.Name, claim.StorageClassName is null ? " (the default)" : string.Empty,
                driver.Name, Parties.Join(supported));
        }
    }

    private static bool Serves(IReadOnlyList<string> supported, string mode) =>
        supported.Contains(mode, StringComparer.Ordinal)
        || (mode == ReadWriteOncePod && supported.Contains(ReadWriteOnce, StringComparer.Ordinal));
}
