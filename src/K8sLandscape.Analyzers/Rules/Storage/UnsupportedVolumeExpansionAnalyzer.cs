using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Rules.Storage;

/// <summary>KL3006: a StorageClass allows expansion but its driver cannot expand volumes.</summary>
internal sealed class UnsupportedVolumeExpansionAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL3006",
        "A StorageClass allows volume expansion but its driver cannot expand",
        "StorageClass '{0}' sets allowVolumeExpansion: true, but its provisioner '{1}' ({2}) cannot expand volumes",
        RuleCategory.Storage,
        DiagnosticSeverity.Warning,
        """
        `allowVolumeExpansion: true` tells the API server to accept a larger `spec.resources.requests.storage`
        on claims of the class. The resize itself is done by the driver: the external-resizer sidecar calls
        CSI `ControllerExpandVolume` and the kubelet `NodeExpandVolume`, and only drivers advertising the
        `EXPAND_VOLUME` capability run a resizer. For a driver that cannot expand (local-path, local
        static volumes, OpenEBS hostpath), the edit is accepted and then nothing happens: the claim's
        `status.capacity` never grows, the application runs out of space although the claim says otherwise,
        and the request cannot be undone because claims cannot shrink.

        Only drivers the catalog knows cannot expand are judged; unknown drivers are not.
        """,
        """
        Remove `allowVolumeExpansion` (or set it to `false`) so resize requests are refused up front, or use a
        driver that supports expansion.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var storage = context.Landscape.Storage;
        var drivers = storage.Drivers.ToDictionary(d => d.Name, StringComparer.Ordinal);
        foreach (var c in storage.StorageClasses)
        {
            if (c.AllowVolumeExpansion != true || !drivers.TryGetValue(c.Provisioner, out var d) || d.Capabilities.VolumeExpansion != false) continue;
            var name = d.ComponentId is { } id ? context.Landscape.Catalog.Find(id)?.Name ?? id : d.Name;
            context.Report(Descriptor, c.Object, "allowVolumeExpansion", null, c.Name, c.Provisioner, name);
        }
    }
}
