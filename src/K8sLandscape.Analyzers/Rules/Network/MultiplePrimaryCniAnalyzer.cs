using K8sLandscape.Loading;
using K8sLandscape.Model.Network;

namespace K8sLandscape.Analyzers.Rules.Network;

/// <summary>KL2001: more than one primary CNI plugin is installed.</summary>
internal sealed class MultiplePrimaryCniAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL2001",
        "More than one primary CNI plugin is installed",
        "{0} primary CNI plugins are installed: {1}; each node uses only one of them for pod networking",
        RuleCategory.Network,
        DiagnosticSeverity.Error,
        """
        A primary CNI plugin owns pod networking: it creates each pod's interface, assigns its address and
        programs the routes or tunnels that reach pods on other nodes. The kubelet's runtime (containerd,
        CRI-O) loads exactly one network configuration from `/etc/cni/net.d`, the lexicographically first
        file (libcni `ConfFiles` sorted by name), so with two primary plugins installed each node wires its
        pods with whichever plugin's file sorts first there, while both plugins' agents keep running, both
        rewrite the directory and both program routes. Pods on nodes that picked different plugins cannot
        reach each other, NetworkPolicy is enforced only where the enforcing plugin won, and the winner can
        change when an agent restarts and rewrites its file.

        A plugin's role is read from the cluster's configuration, not assumed from the plugin: its position
        in the conflist libcni loads from each directory (the first plugin creates the interface, later ones
        are chained), conflists embedded in the ConfigMaps that plugin agents write to the nodes (Flannel's
        `cni-conf.json`, Calico's `cni_network_config`), Cilium's `cni-chaining-mode`, Antrea's
        `trafficEncapMode: networkPolicyOnly` and Calico's `CALICO_NETWORKING_BACKEND: none` (policy only).
        A plugin the configuration says nothing about keeps the catalog's default role. `inventory` shows
        each plugin's role and the evidence for it.

        Only plugins in the primary role count. Meta plugins such as Multus (which delegate to the primary),
        chained plugins such as portmap, bandwidth or Cilium in chaining mode behind another plugin, and
        bundles that combine two plugins on purpose (Canal is Calico policy plus Flannel networking in one
        install) are not a conflict. A plugin known only from its CRDs installs no data plane and is not
        counted.

        The finding reports at the first object of the first plugin by location and lists every other
        object of the plugins as related locations.
        """,
        """
        Remove all but one primary plugin: delete the other plugin's DaemonSet, its configuration file in
        `/etc/cni/net.d` on every node and its interfaces and routes (or re-provision the nodes). If the
        second plugin is wanted for policy only, install the combination its project supports (Canal,
        Cilium chaining, Calico policy-only mode).
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var installed = context.Landscape.Network.PrimaryPlugins
            .Select(p => (Plugin: p, Objects: p.Objects.Where(o => o.Kind != "CustomResourceDefinition").OrderBy(o => o.Location).ToArray()))
            .Where(p => p.Objects.Length > 0)
            .OrderBy(p => p.Objects[0].Location).ThenBy(p => p.Plugin.Id, StringComparer.Ordinal)
            .ToArray();
        if (installed.Length < 2) return;

        var first = installed[0];
        var at = first.Objects[0];
        var related = installed.SelectMany(p => p.Objects).Select(o => o.Location);
        var names = Parties.Join(installed.Select(p => $"{p.Plugin.Name} ({Parties.KindAndName(p.Objects[0])}{Why(p.Plugin)})"));
        context.Report(Descriptor, at.Location, Parties.Others(at.Location, related), at.Ref, Parties.Count(installed.Length), names);
    }

    // The configuration that makes the plugin primary, so the reader sees why it counts.
    private static string Why(NetworkPlugin p) =>
        p.RoleEvidence.FirstOrDefault(e => e.Role == "primary") is { } e ? "; primary as " + e.Reason : string.Empty;
}
