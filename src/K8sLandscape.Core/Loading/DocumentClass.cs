namespace K8sLandscape.Loading;

/// <summary>What sort of document an object was loaded from.</summary>
public enum DocumentClass
{
    /// <summary>A Kubernetes API object (built-in or custom resource).</summary>
    KubernetesObject = 0,

    /// <summary>An API discovery document (APIResourceList, APIGroupList, aggregated discovery, server version).</summary>
    Discovery = 1,

    /// <summary>
    /// Node-level configuration that is not a Kubernetes object: CNI network configuration,
    /// containerd <c>config.toml</c>, CRI-O <c>crio.conf</c>, <c>crictl.yaml</c>. These carry the
    /// synthetic API group <see cref="ConfigKinds.Group"/>.
    /// </summary>
    NodeConfiguration = 2,
}
