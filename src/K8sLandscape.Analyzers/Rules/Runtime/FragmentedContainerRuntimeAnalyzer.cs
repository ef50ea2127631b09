using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Rules.Runtime;

/// <summary>KL1001: the Nodes do not all run the same CRI engine.</summary>
internal sealed class FragmentedContainerRuntimeAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL1001",
        "Nodes run different container runtime engines",
        "Nodes run {0} different container runtime engines: {1}",
        RuleCategory.Runtime,
        DiagnosticSeverity.Warning,
        """
        Every Node reports the CRI engine its kubelet talks to in `status.nodeInfo.containerRuntimeVersion`
        (`containerd://1.7.20`, `cri-o://1.30.4`, `docker://20.10.7`). A cluster whose nodes run different
        engines is fragmented in ways the API does not show: a RuntimeClass `handler` is looked up in each
        node's own engine configuration (containerd's `plugins."io.containerd.grpc.v1.cri".containerd.runtimes`,
        CRI-O's `[crio.runtime.runtimes]`), so a sandboxed or GPU runtime configured for one engine is
        missing on the other nodes and pods scheduled there fail with `no runtime for "<handler>" is
        configured` (containerd) or `failed to find runtime handler` (CRI-O). Image pulls, registry mirrors
        and credentials, log formats, cgroup drivers and the CNI configuration directory are configured per
        engine too, and CRI version support differs per engine release (see KL1002).

        The finding reports at the first Node by location and lists every other Node as a related location.
        Nodes that do not report a runtime are not counted.
        """,
        """
        Converge on one engine (drain and re-provision the odd nodes), or keep the difference deliberate:
        label the nodes by engine and give every RuntimeClass a `scheduling.nodeSelector` so pods only land
        where their handler exists, and keep each engine's configuration in step.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var nodes = context.Landscape.Runtime.Nodes.Where(n => n.Engine is not null).ToArray();
        var engines = nodes.GroupBy(n => n.Engine!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        if (engines.Length < 2) return;

        var first = nodes.OrderBy(n => n.Location).ThenBy(n => n.NodeName, StringComparer.Ordinal).First();
        var summary = string.Join("; ", engines.Select(g =>
            $"{g.Key} on {Parties.Names(g.Select(n => n.NodeName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))}"));
        context.Report(Descriptor, first.Location, Parties.Others(first.Location, nodes.Select(n => n.Location)), first.Node.Ref,
            Parties.Count(engines.Length), summary);
    }
}
