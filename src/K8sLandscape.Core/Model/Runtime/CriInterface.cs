namespace K8sLandscape.Model.Runtime;

/// <summary>
/// The Container Runtime Interface as data: its API versions, the gRPC operations of its two
/// services, which engine releases serve CRI v1, and how each engine reaches the OCI runtime.
/// </summary>
public static class CriInterface
{
    /// <summary>The alpha API, <c>runtime.v1alpha2</c>, the only one before Kubernetes 1.20.</summary>
    public const string V1Alpha2 = "v1alpha2";

    /// <summary>The stable API, <c>runtime.v1</c>, added in Kubernetes 1.20.</summary>
    public const string V1 = "v1";

    /// <summary>The API versions, oldest first.</summary>
    public static IReadOnlyList<string> ApiVersions { get; } = [V1Alpha2, V1];

    /// <summary>
    /// From this release the kubelet only speaks CRI v1 and refuses to register a node whose runtime
    /// does not (KEP-2040; Kubernetes 1.26 release notes, "CRI v1alpha2 removed").
    /// </summary>
    public static KubernetesVersion KubeletRequiresV1Since { get; } = new(1, 26);

    /// <summary>The release that removed dockershim from the kubelet (KEP-2221).</summary>
    public static KubernetesVersion DockershimRemovedIn { get; } = new(1, 24);

    /// <summary>RuntimeService RPCs of CRI v1 (<c>k8s.io/cri-api/pkg/apis/runtime/v1/api.proto</c>): sandboxes, containers, streaming, stats, status.</summary>
    public static IReadOnlyList<string> RuntimeServiceOperations { get; } =
    [
        "Version", "RunPodSandbox", "StopPodSandbox", "RemovePodSandbox", "PodSandboxStatus", "ListPodSandbox",
        "CreateContainer", "StartContainer", "StopContainer", "RemoveContainer", "ListContainers", "ContainerStatus",
        "UpdateContainerResources", "ReopenContainerLog", "ExecSync", "Exec", "Attach", "PortForward",
        "ContainerStats", "ListContainerStats", "PodSandboxStats", "ListPodSandboxStats", "UpdateRuntimeConfig", "Status",
        "CheckpointContainer", "GetContainerEvents", "ListMetricDescriptors", "ListPodSandboxMetrics", "RuntimeConfig",
    ];

    /// <summary>ImageService RPCs of CRI v1.</summary>
    public static IReadOnlyList<string> ImageServiceOperations { get; } =
        ["ListImages", "ImageStatus", "PullImage", "RemoveImage", "ImageFsInfo"];

    /// <summary>Per engine, the releases that serve CRI v1 and stopped serving v1alpha2.</summary>
    public static IReadOnlyList<CriEngineSupport> Engines { get; } =
    [
        // containerd's RELEASES.md Kubernetes support table lists CRI v1 from 1.6.0, and the
        // Kubernetes 1.26 notes say containerd 1.5 and older cannot register nodes; 2.0 dropped v1alpha2.
        new("containerd", new EngineVersion(1, 6, 0), new EngineVersion(2, 0, 0), "containerd RELEASES.md; Kubernetes 1.26 release notes"),
        // CRI-O follows Kubernetes minors and serves the CRI of the Kubernetes release it vendors;
        // v1 appeared in Kubernetes 1.20, so CRI-O 1.20 is the first release to serve it.
        new("cri-o", new EngineVersion(1, 20, 0), null, "CRI-O version skew policy (CRI-O x.y pairs with Kubernetes x.y)"),
        // dockershim spoke v1alpha2 from inside the kubelet; cri-dockerd (its external successor)
        // serves v1, but a Node reports dockerd's version, not the adapter's.
        new("docker", null, null, "dockershim (KEP-2221); cri-dockerd"),
        new("frakti", null, null, "archived before CRI v1"),
        new("pouch", null, null, "archived before CRI v1"),
    ];

    /// <summary>How each engine reaches the OCI runtime.</summary>
    public static IReadOnlyList<RuntimeCallChain> CallChains { get; } =
    [
        new("containerd", ["kubelet", "containerd (CRI plugin)", "containerd-shim-runc-v2 (shim v2)", "runc"], "sandboxed runtimes swap the shim: containerd-shim-kata-v2, containerd-shim-runsc-v1"),
        new("cri-o", ["kubelet", "cri-o", "conmon", "runc"], "runtime_type \"vm\" handlers skip conmon and call a shim v2 binary"),
        new("docker", ["kubelet (dockershim)", "dockerd", "containerd", "containerd-shim", "runc"], "dockershim was removed in Kubernetes 1.24; cri-dockerd takes its place"),
        new("frakti", ["kubelet", "frakti", "runv"], "privileged pods fall back to docker"),
        new("pouch", ["kubelet", "pouchd (CRI)", "containerd", "runc"]),
    ];

    /// <summary>The support data of an engine, or null when the engine is unknown.</summary>
    public static CriEngineSupport? SupportOf(string engine) =>
        Engines.FirstOrDefault(e => string.Equals(e.Engine, engine, StringComparison.Ordinal));

    /// <summary>The call chain of an engine, or null when unknown.</summary>
    public static RuntimeCallChain? CallChainOf(string engine) =>
        CallChains.FirstOrDefault(e => string.Equals(e.Engine, engine, StringComparison.Ordinal));

    /// <summary>Does release <paramref name="version"/> of <paramref name="engine"/> serve CRI v1? (What KL1002 asks.)</summary>
    /// <param name="engine">The engine as in a Node's <c>containerRuntimeVersion</c> scheme: <c>containerd</c>, <c>cri-o</c>, <c>docker</c>.</param>
    /// <param name="version">The release, e.g. <c>1.5.1</c>.</param>
    public static CriVersionSupport SpeaksV1(string engine, string? version)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var support = SupportOf(engine);
        if (support is null) return CriVersionSupport.Unknown;
        // Whether a docker node speaks v1 depends on the cri-dockerd release, which no Node reports.
        if (engine == "docker") return CriVersionSupport.Unknown;
        if (support.V1Since is not { } since) return CriVersionSupport.No;
        if (!EngineVersion.TryParse(version, out var v)) return CriVersionSupport.Unknown;
        return v >= since ? CriVersionSupport.Yes : CriVersionSupport.No;
    }

    /// <summary>Does release <paramref name="version"/> of <paramref name="engine"/> still serve CRI v1alpha2?</summary>
    public static CriVersionSupport SpeaksV1Alpha2(string engine, string? version)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var support = SupportOf(engine);
        if (support is null) return CriVersionSupport.Unknown;
        if (support.V1Alpha2Until is not { } until) return CriVersionSupport.Yes;
        if (!EngineVersion.TryParse(version, out var v)) return CriVersionSupport.Unknown;
        return v < until ? CriVersionSupport.Yes : CriVersionSupport.No;
    }
}
