using K8sLandscape.Loading;

namespace K8sLandscape.Model.Runtime;

/// <summary>What one Node reports about its container runtime and kubelet (<c>status.nodeInfo</c>).</summary>
/// <param name="NodeName">The Node's name.</param>
/// <param name="Engine">The engine from <c>containerRuntimeVersion</c> (<c>containerd</c> in <c>containerd://1.7.2</c>), or null when not reported.</param>
/// <param name="EngineVersion">The engine release (<c>1.7.2</c>), or null.</param>
/// <param name="RuntimeVersion">The <c>containerRuntimeVersion</c> as written, or null.</param>
/// <param name="KubeletVersion">The kubelet version as written (<c>v1.28.2</c>), or null.</param>
/// <param name="OperatingSystem">The operating system (<c>linux</c>), or null.</param>
/// <param name="Architecture">The architecture (<c>amd64</c>), or null.</param>
/// <param name="OsImage">The OS image, or null.</param>
/// <param name="KernelVersion">The kernel version, or null.</param>
/// <param name="Node">The Node object.</param>
/// <param name="Location">Where <c>containerRuntimeVersion</c> is written (the Node's location when absent).</param>
public sealed record NodeRuntime(
    string NodeName,
    string? Engine,
    string? EngineVersion,
    string? RuntimeVersion,
    string? KubeletVersion,
    string? OperatingSystem,
    string? Architecture,
    string? OsImage,
    string? KernelVersion,
    KubeObject Node,
    SourceSpan Location)
{
    /// <summary>Whether the engine release serves CRI v1.</summary>
    public CriVersionSupport SpeaksCriV1 => Engine is null ? CriVersionSupport.Unknown : CriInterface.SpeaksV1(Engine, EngineVersion);

    /// <summary>The kubelet's minor release, or null when not reported.</summary>
    public KubernetesVersion? KubeletRelease => KubernetesVersion.TryParse(KubeletVersion, out var v) ? v : null;

    /// <summary>Splits <c>containerd://1.7.2</c> into engine and version; a value without <c>://</c> is all engine.</summary>
    public static (string Engine, string? Version) ParseRuntimeVersion(string runtimeVersion)
    {
        ArgumentNullException.ThrowIfNull(runtimeVersion);
        var sep = runtimeVersion.IndexOf("://", StringComparison.Ordinal);
        if (sep < 0) return (runtimeVersion.Trim(), null);
        var version = runtimeVersion[(sep + 3)..].Trim();
        return (runtimeVersion[..sep].Trim(), version.Length == 0 ? null : version);
    }
}
