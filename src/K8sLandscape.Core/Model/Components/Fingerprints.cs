namespace K8sLandscape.Model;

/// <summary>
/// How a component is recognized in a cluster's objects. Every list is optional; a component is
/// recognized when any fingerprint matches. Matching is case-sensitive and exact unless noted.
/// </summary>
public sealed record Fingerprints
{
    /// <summary>
    /// Image repository paths, matched against a container image with its registry host and tag or
    /// digest removed, as a whole path or a trailing part of it: <c>calico/node</c> matches
    /// <c>docker.io/calico/node:v3.30.0</c> and <c>quay.io/calico/node@sha256:...</c>.
    /// </summary>
    public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>CRD API groups the component serves (<c>crd.projectcalico.org</c>).</summary>
    public IReadOnlyList<string> CrdGroups { get; init; } = [];

    /// <summary>
    /// Names of CRDs it ships (<c>&lt;plural&gt;.&lt;group&gt;</c>, e.g. <c>rollouts.argoproj.io</c>), for a
    /// group that several projects share (Argo Workflows, Rollouts, Events and CD all use
    /// <c>argoproj.io</c>), where a whole-group fingerprint would name every one of them.
    /// </summary>
    public IReadOnlyList<string> Crds { get; init; } = [];

    /// <summary>
    /// The API groups the component serves: its <see cref="CrdGroups"/> and the groups of its
    /// <see cref="Crds"/> (<c>rollouts.argoproj.io</c> serves in <c>argoproj.io</c>), sorted, distinct.
    /// A group several components share names each of them.
    /// </summary>
    public IReadOnlyList<string> ServedGroups =>
        CrdGroups.Concat(Crds.Select(n => n.IndexOf('.', StringComparison.Ordinal) is var i and > 0 ? n[(i + 1)..] : string.Empty).Where(g => g.Length > 0))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Names of its workloads (Deployments, DaemonSets, StatefulSets), e.g. <c>calico-node</c>.</summary>
    public IReadOnlyList<string> Workloads { get; init; } = [];

    /// <summary>CSI driver names (CSIDriver objects, StorageClass provisioners), e.g. <c>ebs.csi.aws.com</c>.</summary>
    public IReadOnlyList<string> CsiDrivers { get; init; } = [];

    /// <summary>StorageClass provisioners that are not CSI drivers (in-tree or external), e.g. <c>kubernetes.io/aws-ebs</c>.</summary>
    public IReadOnlyList<string> Provisioners { get; init; } = [];

    /// <summary>Extended resources the component advertises, e.g. <c>nvidia.com/gpu</c>.</summary>
    public IReadOnlyList<string> ExtendedResources { get; init; } = [];

    /// <summary>DRA driver names (DeviceClass selectors, ResourceSlice <c>spec.driver</c>), e.g. <c>gpu.example.com</c>.</summary>
    public IReadOnlyList<string> DraDrivers { get; init; } = [];

    /// <summary>Admission webhook names (<c>webhooks[].name</c>), e.g. <c>sidecar-injector.istio.io</c>; a leading <c>*.</c> matches any prefix.</summary>
    public IReadOnlyList<string> Webhooks { get; init; } = [];

    /// <summary>CNI plugin <c>type</c> values in network configuration, e.g. <c>calico</c>, <c>flannel</c>.</summary>
    public IReadOnlyList<string> CniTypes { get; init; } = [];

    /// <summary>Container runtime engines as in a Node's <c>containerRuntimeVersion</c> scheme, e.g. <c>containerd</c>, <c>cri-o</c>, <c>docker</c>.</summary>
    public IReadOnlyList<string> RuntimeEngines { get; init; } = [];

    /// <summary>OCI runtime handler names (RuntimeClass <c>handler</c>, runtime configuration), e.g. <c>runc</c>, <c>kata</c>, <c>runsc</c>.</summary>
    public IReadOnlyList<string> RuntimeHandlers { get; init; } = [];

    /// <summary>IngressClass <c>spec.controller</c> values, e.g. <c>k8s.io/ingress-nginx</c>.</summary>
    public IReadOnlyList<string> IngressControllers { get; init; } = [];

    /// <summary>GatewayClass <c>spec.controllerName</c> values, e.g. <c>istio.io/gateway-controller</c>.</summary>
    public IReadOnlyList<string> GatewayControllers { get; init; } = [];

    /// <summary>Scheduler names pods ask for (<c>spec.schedulerName</c>) that the component provides.</summary>
    public IReadOnlyList<string> Schedulers { get; init; } = [];

    /// <summary>Labels that identify the component's objects, as <c>key=value</c>, e.g. <c>app.kubernetes.io/part-of=kubevela</c>.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>OLM package names (Subscription <c>spec.name</c>), e.g. <c>strimzi-kafka-operator</c>.</summary>
    public IReadOnlyList<string> OlmPackages { get; init; } = [];

    /// <summary>True when no fingerprint is given at all.</summary>
    public bool IsEmpty =>
        Images.Count + CrdGroups.Count + Crds.Count + Workloads.Count + CsiDrivers.Count + Provisioners.Count + ExtendedResources.Count
        + DraDrivers.Count + Webhooks.Count + CniTypes.Count + RuntimeEngines.Count + RuntimeHandlers.Count
        + IngressControllers.Count + GatewayControllers.Count + Schedulers.Count + Labels.Count + OlmPackages.Count == 0;
}
