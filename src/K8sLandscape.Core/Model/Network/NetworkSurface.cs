using K8sLandscape.Json;
using System.Text.Json;
using K8sLandscape.Loading;

namespace K8sLandscape.Model.Network;

/// <summary>
/// The network extension surface: installed CNI plugins and their roles, CNI configuration files
/// grouped by directory, declared pod CIDRs and NetworkPolicy objects.
/// </summary>
public sealed class NetworkSurface
{
    /// <summary>The extension point of pod networking: one primary CNI is expected.</summary>
    public const string PodNetworkPoint = "pod-network";

    /// <summary>The extension point of NetworkPolicy enforcement.</summary>
    public const string NetworkPolicyPoint = "network-policy";

    /// <summary>Host paths whose use marks a workload as a network plugin installer.</summary>
    public static IReadOnlyList<string> CniHostPaths { get; } = ["/etc/cni/net.d", "/opt/cni/bin"];

    internal NetworkSurface()
    {
    }

    /// <summary>Recognized network plugins, sorted by id.</summary>
    public IReadOnlyList<NetworkPlugin> Plugins { get; internal init; } = [];

    /// <summary>Primary plugins (those owning pod networking), sorted by id; bundled ones folded into their bundle.</summary>
    public IReadOnlyList<NetworkPlugin> PrimaryPlugins => Plugins.Where(p => p.Role == "primary" && p.IncludedIn is null).ToArray();

    /// <summary>CNI configuration files, in location order.</summary>
    public IReadOnlyList<CniConfigFile> ConfigFiles { get; internal init; } = [];

    /// <summary>Configuration files grouped by directory, sorted by directory.</summary>
    public IReadOnlyList<CniConfigDirectory> ConfigDirectories { get; internal init; } = [];

    /// <summary>Declared pod CIDRs, in location order.</summary>
    public IReadOnlyList<PodCidr> PodCidrs { get; internal init; } = [];

    /// <summary>Kubernetes NetworkPolicy objects, in input order.</summary>
    public IReadOnlyList<KubeObject> NetworkPolicies { get; internal init; } = [];

    /// <summary>The extension points of this area.</summary>
    public IReadOnlyList<ExtensionPoint> ExtensionPoints { get; internal init; } = [];
}
