namespace K8sLandscape.Sources;

/// <summary>
/// The kinds the landscape needs, as data: the one list the cluster source reads, the test API
/// server serves and <c>deploy/clusterrole.yaml</c> grants (a test keeps the three equal). A kind
/// the cluster does not serve (an extension that is not installed) is reported as missing, not as
/// an error; discovery decides which exist.
/// </summary>
public static class ClusterKinds
{
    private const string Core = "";
    private const string Apps = "apps";
    private const string Batch = "batch";
    private const string Storage = "storage.k8s.io";
    private const string Networking = "networking.k8s.io";
    private const string Admission = "admissionregistration.k8s.io";
    private const string Resource = "resource.k8s.io";
    private const string Olm = "operators.coreos.com";
    private const string KubeVela = "core.oam.dev";

    /// <summary>Pods: many, but device requests and scheduler names come from pod specs; <see cref="ClusterReadOptions.IncludePods"/> turns them off.</summary>
    public static ClusterKind Pods { get; } = new(Core, "pods", "Pod", true);

    /// <summary>Secrets, read metadata only: Helm release records are found by their labels, and secret data never reaches the process.</summary>
    public static ClusterKind Secrets { get; } = new(Core, "secrets", "Secret", true, ClusterKindAccess.MetadataOnly);

    /// <summary>
    /// ConfigMaps, read whole but only from the system namespaces, where CNI configuration
    /// (calico-config, kube-flannel-cfg, cilium-config, multus), kubeadm-config, kube-proxy and Helm 2
    /// release records live; application ConfigMaps are many and say nothing about extensions.
    /// </summary>
    public static ClusterKind ConfigMaps { get; } = new(Core, "configmaps", "ConfigMap", true, ClusterKindAccess.Full, ClusterNamespaceScope.SystemNamespaces);

    /// <summary>
    /// The namespaces that hold cluster add-ons' configuration, where <see cref="ClusterNamespaceScope.SystemNamespaces"/>
    /// kinds are read by default: Kubernetes' own, and those the common CNI, storage and device installers create.
    /// </summary>
    public static IReadOnlyList<string> DefaultSystemNamespaces { get; } =
    [
        "calico-system",
        "cilium",
        "kube-flannel",
        "kube-ovn",
        "kube-public",
        "kube-system",
        "openshift-multus",
        "openshift-sdn",
        "tigera-operator",
    ];

    /// <summary>Every kind read, in the order reports list them (by area).</summary>
    public static IReadOnlyList<ClusterKind> All { get; } =
    [
        // Base platform and scheduling.
        new(Core, "nodes", "Node", false),
        new(Core, "namespaces", "Namespace", false),
        Pods,
        new(Apps, "daemonsets", "DaemonSet", true),
        new(Apps, "deployments", "Deployment", true),
        new(Apps, "statefulsets", "StatefulSet", true),
        new(Apps, "replicasets", "ReplicaSet", true),
        new(Batch, "jobs", "Job", true),
        new(Batch, "cronjobs", "CronJob", true),
        new("scheduling.k8s.io", "priorityclasses", "PriorityClass", false),

        // Configuration and identity.
        ConfigMaps,
        Secrets,

        // Runtime.
        new("node.k8s.io", "runtimeclasses", "RuntimeClass", false),

        // Network and service access.
        new(Core, "services", "Service", true),
        new(Networking, "networkpolicies", "NetworkPolicy", true),
        new(Networking, "ingressclasses", "IngressClass", false),
        new("gateway.networking.k8s.io", "gatewayclasses", "GatewayClass", false),
        new("k8s.cni.cncf.io", "network-attachment-definitions", "NetworkAttachmentDefinition", true),
        new("crd.projectcalico.org", "ippools", "IPPool", false),
        new("operator.tigera.io", "installations", "Installation", false),

        // Storage.
        new(Storage, "storageclasses", "StorageClass", false),
        new(Storage, "csidrivers", "CSIDriver", false),
        new(Storage, "csinodes", "CSINode", false),
        new(Core, "persistentvolumeclaims", "PersistentVolumeClaim", true),
        new(Core, "persistentvolumes", "PersistentVolume", false),
        new("snapshot.storage.k8s.io", "volumesnapshotclasses", "VolumeSnapshotClass", false),

        // Devices (DRA and the GPU operator).
        new(Resource, "deviceclasses", "DeviceClass", false),
        new(Resource, "resourceslices", "ResourceSlice", false),
        new(Resource, "resourceclaims", "ResourceClaim", true),
        new(Resource, "resourceclaimtemplates", "ResourceClaimTemplate", true),
        new("nvidia.com", "clusterpolicies", "ClusterPolicy", false),

        // API extensions.
        new("apiextensions.k8s.io", "customresourcedefinitions", "CustomResourceDefinition", false),
        new("apiregistration.k8s.io", "apiservices", "APIService", false),

        // Admission.
        new(Admission, "mutatingwebhookconfigurations", "MutatingWebhookConfiguration", false),
        new(Admission, "validatingwebhookconfigurations", "ValidatingWebhookConfiguration", false),
        new(Admission, "validatingadmissionpolicies", "ValidatingAdmissionPolicy", false),
        new(Admission, "validatingadmissionpolicybindings", "ValidatingAdmissionPolicyBinding", false),
        new(Admission, "mutatingadmissionpolicies", "MutatingAdmissionPolicy", false),
        new(Admission, "mutatingadmissionpolicybindings", "MutatingAdmissionPolicyBinding", false),

        // Lifecycle: OLM and KubeVela (Helm releases are Secrets, above).
        new(Olm, "subscriptions", "Subscription", true),
        new(Olm, "clusterserviceversions", "ClusterServiceVersion", true),
        new(Olm, "operatorgroups", "OperatorGroup", true),
        new(Olm, "installplans", "InstallPlan", true),
        new(Olm, "catalogsources", "CatalogSource", true),
        new(KubeVela, "applications", "Application", true),
        new(KubeVela, "componentdefinitions", "ComponentDefinition", true),
        new(KubeVela, "traitdefinitions", "TraitDefinition", true),
        new(KubeVela, "workflowstepdefinitions", "WorkflowStepDefinition", true),
    ];

    /// <summary>Finds the entry for a group and kind, or null when the landscape does not read that kind.</summary>
    public static ClusterKind? Find(string group, string kind)
    {
        foreach (var k in All)
        {
            if (string.Equals(k.Group, group, StringComparison.Ordinal) && string.Equals(k.Kind, kind, StringComparison.Ordinal)) return k;
        }

        return null;
    }
}
