using K8sLandscape.Loading;
using K8sLandscape.Model.Api.BuiltIn;
using static K8sLandscape.Model.ResourceLayer;

namespace K8sLandscape.Model.Layers;

/// <summary>
/// The layer of every built-in kind (every resource of <see cref="BuiltInApi"/>, the kinds of removed
/// API versions, and the synthetic kinds of node configuration and discovery documents), following
/// the four layers: resource (network, storage, base platform), scheduling (controllers, schedulers,
/// priorities), isolation &amp; service access (limits, config, identity, routing) and application
/// (app logic, service definitions, lifecycle).
/// </summary>
public static class BuiltInLayers
{
    // The K8sLandscape.Model.Scheduling namespace would otherwise hide the layer of that name here.
    private const ResourceLayer Scheduling = ResourceLayer.Scheduling;

    private static readonly Dictionary<GroupKind, ResourceLayer> Table = Build();

    /// <summary>Every classified built-in kind, sorted by group then kind.</summary>
    public static IReadOnlyList<KeyValuePair<GroupKind, ResourceLayer>> All { get; } =
        Table.OrderBy(p => p.Key.Group, StringComparer.Ordinal).ThenBy(p => p.Key.Kind, StringComparer.Ordinal).ToArray();

    /// <summary>The layer of a built-in kind, or null when the kind is not built in.</summary>
    public static ResourceLayer? Find(GroupKind kind) => Table.TryGetValue(kind, out var layer) ? layer : null;

    private static Dictionary<GroupKind, ResourceLayer> Build()
    {
        var t = new Dictionary<GroupKind, ResourceLayer>();

        void Add(string group, ResourceLayer layer, params string[] kinds)
        {
            foreach (var k in kinds) t[new GroupKind(group, k)] = layer;
        }

        // Core group.
        Add("", Resource, "Node", "PersistentVolume", "PersistentVolumeClaim", "ComponentStatus");
        Add("", Scheduling, "ReplicationController", "Binding");
        Add("", IsolationAndServiceAccess, "Namespace", "ResourceQuota", "LimitRange", "ConfigMap", "Secret", "ServiceAccount", "Service", "Endpoints");
        Add("", Application, "Pod", "PodTemplate", "Event");

        // Workload controllers schedule pods; their revisions record application lifecycle.
        Add("apps", Scheduling, "Deployment", "DaemonSet", "StatefulSet", "ReplicaSet");
        Add("apps", Application, "ControllerRevision");
        Add("batch", Scheduling, "Job", "CronJob");
        Add("autoscaling", Scheduling, "HorizontalPodAutoscaler");
        Add("scheduling.k8s.io", Scheduling, "PriorityClass");
        Add("policy", Scheduling, "PodDisruptionBudget");
        Add("policy", IsolationAndServiceAccess, "PodSecurityPolicy", "Eviction");
        Add("coordination.k8s.io", Scheduling, "Lease", "LeaseCandidate");

        // Network, storage and devices.
        Add("networking.k8s.io", Resource, "IngressClass", "IPAddress", "ServiceCIDR", "ClusterCIDR");
        Add("networking.k8s.io", IsolationAndServiceAccess, "Ingress", "NetworkPolicy");
        Add("discovery.k8s.io", IsolationAndServiceAccess, "EndpointSlice");
        Add("node.k8s.io", Resource, "RuntimeClass");
        Add("storage.k8s.io", Resource, "StorageClass", "CSIDriver", "CSINode", "CSIStorageCapacity", "VolumeAttachment", "VolumeAttributesClass");
        Add("resource.k8s.io", Resource, "DeviceClass", "ResourceSlice", "ResourceClaim", "ResourceClaimTemplate", "DeviceTaintRule",
            "ResourceClass", "ResourceClaimParameters", "ResourceClassParameters");
        Add("resource.k8s.io", Scheduling, "PodSchedulingContext");
        Add("internal.apiserver.k8s.io", Resource, "StorageVersion");
        Add("storagemigration.k8s.io", Resource, "StorageVersionMigration");

        // Identity, access control, admission and API fairness limits.
        Add("rbac.authorization.k8s.io", IsolationAndServiceAccess, "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding");
        Add("authentication.k8s.io", IsolationAndServiceAccess, "TokenReview", "SelfSubjectReview");
        Add("authorization.k8s.io", IsolationAndServiceAccess, "SubjectAccessReview", "LocalSubjectAccessReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview");
        Add("certificates.k8s.io", IsolationAndServiceAccess, "CertificateSigningRequest", "ClusterTrustBundle", "PodCertificateRequest");
        Add("admissionregistration.k8s.io", IsolationAndServiceAccess, "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
            "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding");
        Add("flowcontrol.apiserver.k8s.io", IsolationAndServiceAccess, "FlowSchema", "PriorityLevelConfiguration");

        // API definitions are service definitions: the application layer.
        Add("apiextensions.k8s.io", Application, "CustomResourceDefinition");
        Add("apiregistration.k8s.io", Application, "APIService");
        Add("events.k8s.io", Application, "Event");
        Add("", Application, "APIResourceList", "APIGroupList", "APIGroup", "APIVersions");
        Add("apidiscovery.k8s.io", Application, "APIGroupDiscoveryList");

        // Node configuration documents configure the runtime and network of the node itself.
        Add(ConfigKinds.Group, Resource, ConfigKinds.CniConfig, ConfigKinds.ContainerdConfig, ConfigKinds.CrioConfig, ConfigKinds.CrictlConfig, ConfigKinds.ServerVersion);

        // Kinds of removed API versions (extensions/v1beta1 Deployment, ...) sit where their replacement sits.
        foreach (var e in ApiLifecycleTable.Entries)
        {
            var own = new GroupKind(e.Group, e.Kind);
            if (t.ContainsKey(own) || e.ReplacementApiVersion is null) continue;
            var replacement = GroupVersionKind.FromApiVersion(e.ReplacementApiVersion, e.ReplacementKind ?? e.Kind).GroupKind;
            if (t.TryGetValue(replacement, out var layer)) t[own] = layer;
        }

        return t;
    }
}
