using K8sLandscape.Loading;
using K8sLandscape.Model.Network;

namespace K8sLandscape.Analyzers.Rules.Network;

/// <summary>KL2004: a CNI configuration directory holds several network configurations; only the first is used.</summary>
internal sealed class ShadowedCniConfigAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL2004",
        "Several CNI configuration files sit in one directory; the runtime uses only the first",
        "{0} CNI configuration files in '{1}': the runtime loads '{2}' (network '{3}', plugins {4}) and ignores {5}",
        RuleCategory.Network,
        DiagnosticSeverity.Warning,
        """
        containerd, CRI-O and the kubelet's former network plugin read the CNI configuration directory
        (`/etc/cni/net.d` by default) with libcni's `ConfFiles`, which returns the `.conf`, `.conflist` and
        `.json` files sorted by name (byte order), and use the first one as the pod network (CRI-O's
        default network is the first file unless `cni_default_network` names another). Every other file is
        ignored. Which plugin wires the pods therefore depends on file names, not on intent:
        `10-crio-bridge.conflist` wins over `10-flannel.conflist`, so a node keeps using the runtime's
        bridge after Flannel is installed, and a leftover file from a removed plugin keeps pods on a
        network nothing routes any more. Files are grouped by the directory they were loaded from.

        The finding reports at the file the runtime loads and lists the ignored ones as related locations.
        """,
        """
        Keep one network configuration per node directory: delete the ignored files, or rename the file
        that should win so it sorts first (plugins conventionally use a numeric prefix such as
        `05-cilium.conflist`). For CRI-O, `cni_default_network` can pin the network by name.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        foreach (var dir in context.Landscape.Network.ConfigDirectories)
        {
            if (dir.Directory.Length == 0 || dir.Chosen is not { } chosen) continue;
            var ignored = dir.Ignored.Where(f => CniInterface.ConfigExtensions.Contains(Path.GetExtension(f.FileName), StringComparer.Ordinal)).ToArray();
            if (ignored.Length == 0) continue;
            var plugins = chosen.Plugins.Count == 0 ? "none" : Parties.Names(chosen.Plugins.Select(p => p.Type));
            var ignoredText = Parties.Join(ignored.Select(f => $"'{f.FileName}' (network '{f.Name}', plugins {(f.Plugins.Count == 0 ? "none" : Parties.Names(f.Plugins.Select(p => p.Type)))})"));
            var at = chosen.Object.Location;
            context.Report(Descriptor, at, Parties.Others(at, ignored.Select(f => f.Object.Location)), chosen.Object.Ref,
                Parties.Count(ignored.Length + 1), dir.Directory, chosen.FileName, chosen.Name, plugins, ignoredText);
        }
    }
}
