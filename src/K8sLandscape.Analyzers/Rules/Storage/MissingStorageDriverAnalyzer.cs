using K8sLandscape.Loading;
using K8sLandscape.Model.Storage;

namespace K8sLandscape.Analyzers.Rules.Storage;

/// <summary>KL3002: a StorageClass names a CSI driver that is not installed.</summary>
internal sealed class MissingStorageDriverAnalyzer : LandscapeAnalyzer
{
    // Objects that name a driver without installing it.
    private static readonly HashSet<string> NamingKinds = new(StringComparer.Ordinal)
    {
        "StorageClass", "VolumeSnapshotClass", "PersistentVolumeClaim", "PersistentVolume", "CustomResourceDefinition",
    };

    public static RuleDescriptor Descriptor { get; } = new(
        "KL3002",
        "A StorageClass provisioner has no installed driver",
        "StorageClass '{0}' uses provisioner '{1}', but the input installs no such driver (no CSIDriver, controller or node plugin; CSI drivers installed: {2})",
        RuleCategory.Storage,
        DiagnosticSeverity.Warning,
        """
        A StorageClass's `provisioner` names the component that creates its volumes. For a CSI driver, the
        driver's controller runs the external-provisioner sidecar, which watches for claims whose class
        names its driver; the node plugin registers with the kubelet to mount them. The API server does not
        check that anyone answers to the name, so with no driver installed every claim of the class stays
        `Pending` with `waiting for a volume to be created, either by external provisioner "<name>" or
        manually created by system administrator`, and pods using it never start. A typo in the name, a
        driver uninstalled while its class stayed, or a class copied from another cluster all end here.

        To stay quiet when only part of a cluster is given, the rule runs only when the input shows how
        storage is installed — it contains at least one `CSIDriver` object — and it judges only CSI driver
        names (no `/`, as the CSI specification's domain-name notation requires: `ebs.csi.aws.com`).
        In-tree provisioners (`kubernetes.io/...`) are built into Kubernetes, and external provisioners
        named `vendor/name` (`rancher.io/local-path`) register no CSIDriver, so their absence from the input
        proves nothing. A driver counts as installed when a CSIDriver names it, when a recognized component
        providing it (or a bundle including it, such as Rook for the Ceph CSI drivers) has a workload or
        operator resource in the input, or when a workload passes the name as a container argument or
        environment value (`--drivername=...`).
        """,
        """
        Install the driver (its controller Deployment, node DaemonSet and CSIDriver object), or correct
        `provisioner` to the name of an installed driver (`kubectl get csidrivers`).
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var landscape = context.Landscape;
        var storage = landscape.Storage;
        var csiDrivers = landscape.Objects.OfKind("storage.k8s.io", "CSIDriver");
        if (csiDrivers.Count == 0) return;

        var candidates = storage.StorageClasses
            .Where(c => c.Provisioner.Length > 0 && !c.Provisioner.Contains('/', StringComparison.Ordinal))
            .ToArray();
        if (candidates.Length == 0) return;

        var installedComponents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in landscape.Components)
        {
            if (!c.Evidence.Any(e => !NamingKinds.Contains(e.Object.Kind))) continue;
            installedComponents.Add(c.Id);
            installedComponents.UnionWith(c.Definition.Includes);
        }

        HashSet<string>? workloadTokens = null;
        var installedText = Parties.Names(csiDrivers.Select(d => d.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        foreach (var c in candidates)
        {
            var driver = storage.Driver(c.Provisioner);
            if (driver is not null && IsInstalled(driver, installedComponents)) continue;
            workloadTokens ??= WorkloadTokens(landscape);
            if (workloadTokens.Contains(c.Provisioner)) continue;
            context.Report(Descriptor, c.Object, "provisioner", null, c.Name, c.Provisioner, installedText);
        }
    }

    private static bool IsInstalled(StorageDriver driver, HashSet<string> installedComponents) =>
        driver.CsiDriver is not null
        || (driver.ComponentId is { } id && installedComponents.Contains(id))
        || driver.Objects.Any(o => o.Group == "csi.ceph.io" && o.Kind == "Driver");

    // Every argument and environment value of every container, split at '=': built once, only when a
    // class is not otherwise accounted for.
    private static HashSet<string> WorkloadTokens(K8sLandscape.Model.Landscape landscape)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in landscape.Workloads.SelectMany(w => w.Containers))
        {
            foreach (var value in c.Args.Concat(c.Command).Concat(c.Env.Values)) Add(value, tokens);
        }

        return tokens;
    }

    private static void Add(string value, HashSet<string> into)
    {
        foreach (var part in value.Split(['=', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) into.Add(part.Trim('"', '\''));
    }
}
