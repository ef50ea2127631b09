using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Runtime;

namespace K8sLandscape.Analyzers.Rules.Runtime;

/// <summary>KL1002: a Node's engine release does not serve the CRI version its kubelet speaks.</summary>
internal sealed class CriVersionMismatchAnalyzer : LandscapeAnalyzer
{
    private static readonly KubernetesVersion FirstKubeletWithV1 = new(1, 20);

    public static RuleDescriptor Descriptor { get; } = new(
        "KL1002",
        "A node's container runtime does not speak the CRI version its kubelet needs",
        "Node '{0}' runs kubelet {1} on {2} {3}, which {4}",
        RuleCategory.Runtime,
        DiagnosticSeverity.Error,
        """
        The kubelet drives the container runtime through the Container Runtime Interface (CRI), a gRPC API
        with two versions: `runtime.v1alpha2` (the only one before Kubernetes 1.20) and `runtime.v1`
        (added in 1.20). From Kubernetes 1.26 the kubelet speaks only CRI v1 and refuses to register a node
        whose runtime does not serve it (KEP-2040; the 1.26 release notes: "containerd 1.5 and older are
        not supported"): containerd serves v1 from 1.6.0, CRI-O from 1.20. In the other direction,
        containerd 2.0 removed v1alpha2, so a kubelet older than 1.20 cannot talk to it. Either way the node
        never becomes Ready and every pod bound to it stays unstarted.

        The rule reads `status.nodeInfo.kubeletVersion` and `containerRuntimeVersion` of every Node and
        judges only engines and releases it has facts for (containerd, CRI-O). Docker nodes are not judged:
        since dockershim was removed in Kubernetes 1.24 (KEP-2221) a Docker node needs cri-dockerd, which
        serves CRI v1, but the Node reports dockerd's version, not the adapter's, so the input cannot tell a
        working cri-dockerd node from a broken one.
        """,
        """
        Upgrade the runtime before the kubelet: containerd 1.6 or later (1.7 or 2.x recommended) or the CRI-O
        minor release matching the kubelet. For a kubelet older than 1.20, stay on containerd 1.7 until the
        kubelet is upgraded.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        foreach (var n in context.Landscape.Runtime.Nodes)
        {
            if (n.Engine is null || n.KubeletRelease is not { } kubelet) continue;
            string? problem = null;
            if (kubelet >= CriInterface.KubeletRequiresV1Since && n.SpeaksCriV1 == CriVersionSupport.No)
            {
                var since = CriInterface.SupportOf(n.Engine)?.V1Since;
                problem = $"does not serve CRI v1 (the first {n.Engine} release that does is {since?.ToString() ?? "none"}); "
                    + $"kubelets from {CriInterface.KubeletRequiresV1Since} on speak only CRI v1 and refuse to register the node";
            }
            else if (kubelet < FirstKubeletWithV1 && CriInterface.SpeaksV1Alpha2(n.Engine, n.EngineVersion) == CriVersionSupport.No)
            {
                problem = $"no longer serves CRI v1alpha2, the only CRI version kubelets before {FirstKubeletWithV1} speak";
            }

            if (problem is null) continue;
            var kubeletAt = n.Node.LocationOf("status.nodeInfo.kubeletVersion");
            context.Report(Descriptor, n.Location, Parties.Others(n.Location, [kubeletAt]), n.Node.Ref,
                n.NodeName, n.KubeletVersion, n.Engine, n.EngineVersion, problem);
        }
    }
}
