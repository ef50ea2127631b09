namespace K8sLandscape.Loading;

/// <summary>
/// The synthetic kinds given to documents that are not Kubernetes objects, so that they travel
/// through the same pipeline (counts, locations, analyzers) as real objects.
/// </summary>
public static class ConfigKinds
{
    /// <summary>The synthetic API group of node configuration documents.</summary>
    public const string Group = "config.k8slandscape.io";

    /// <summary>The synthetic API version of node configuration documents.</summary>
    public const string ApiVersion = Group + "/v1";

    /// <summary>A CNI network configuration (<c>.conf</c>, a single plugin) or list (<c>.conflist</c>).</summary>
    public const string CniConfig = "CniNetworkConfig";

    /// <summary>containerd's <c>config.toml</c>.</summary>
    public const string ContainerdConfig = "ContainerdConfig";

    /// <summary>CRI-O's <c>crio.conf</c> or a drop-in from <c>crio.conf.d</c>.</summary>
    public const string CrioConfig = "CrioConfig";

    /// <summary>crictl's <c>crictl.yaml</c> (names the CRI socket).</summary>
    public const string CrictlConfig = "CrictlConfig";

    /// <summary>The API server's <c>/version</c> answer (<c>major</c>, <c>minor</c>, <c>gitVersion</c>).</summary>
    public const string ServerVersion = "ServerVersion";
}
