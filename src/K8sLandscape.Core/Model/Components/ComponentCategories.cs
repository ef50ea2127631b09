namespace K8sLandscape.Model;

/// <summary>
/// The categories of the built-in catalog. A category is a lowercase identifier; user catalogs may
/// add their own, but these are the ones analyzers reason about.
/// </summary>
public static class ComponentCategories
{
    /// <summary>A container runtime or OCI runtime handler (containerd, CRI-O, runc, kata, gVisor).</summary>
    public const string ContainerRuntime = "container-runtime";

    /// <summary>A CNI network plugin (primary, chained or meta).</summary>
    public const string Cni = "cni";

    /// <summary>A CSI driver or storage provisioner.</summary>
    public const string CsiDriver = "csi-driver";

    /// <summary>A device plugin advertising extended resources.</summary>
    public const string DevicePlugin = "device-plugin";

    /// <summary>A dynamic resource allocation (DRA) driver.</summary>
    public const string DraDriver = "dra-driver";

    /// <summary>An Ingress controller.</summary>
    public const string IngressController = "ingress-controller";

    /// <summary>A Gateway API implementation (or the Gateway API CRDs themselves).</summary>
    public const string GatewayApi = "gateway-api";

    /// <summary>A service mesh.</summary>
    public const string ServiceMesh = "service-mesh";

    /// <summary>A certificate manager.</summary>
    public const string CertificateManager = "certificate-manager";

    /// <summary>Monitoring, metrics, logging and tracing.</summary>
    public const string Monitoring = "monitoring";

    /// <summary>An admission policy engine.</summary>
    public const string PolicyEngine = "policy-engine";

    /// <summary>A GitOps controller.</summary>
    public const string GitOps = "gitops";

    /// <summary>Secrets management.</summary>
    public const string Secrets = "secrets";

    /// <summary>Backup and restore.</summary>
    public const string Backup = "backup";

    /// <summary>An operator for a named piece of software (Kafka, PostgreSQL, Redis, ...).</summary>
    public const string Operator = "operator";

    /// <summary>An operator or application lifecycle framework (OLM, KubeVela/OAM, Crossplane).</summary>
    public const string LifecycleManager = "lifecycle-manager";

    /// <summary>Workflow and CI engines running on the cluster.</summary>
    public const string Workflow = "workflow";

    /// <summary>Serverless platforms.</summary>
    public const string Serverless = "serverless";

    /// <summary>Schedulers and batch queueing.</summary>
    public const string Scheduler = "scheduler";

    /// <summary>Autoscalers.</summary>
    public const string Autoscaling = "autoscaling";

    /// <summary>Cluster networking that is not a CNI plugin: Service load balancers, cluster DNS, kube-proxy, external DNS.</summary>
    public const string Networking = "networking";

    /// <summary>Runtime security and scanning: threat detection, vulnerability and posture scanners, runtime enforcement.</summary>
    public const string Security = "security";

    /// <summary>Cluster add-ons outside the other categories: web consoles, node maintenance, cloud controller managers, workload identity.</summary>
    public const string ClusterAddon = "cluster-addon";

    /// <summary>An integrated Kubernetes distribution (OpenShift, Alibaba ACK, ...).</summary>
    public const string Distribution = "distribution";
}
