using K8sLandscape.Loading;

namespace K8sLandscape.Model.Api.BuiltIn;

/// <summary>
/// Deprecated and removed built-in API versions, hand-written from the Kubernetes "Deprecated API
/// Migration Guide" (https://kubernetes.io/docs/reference/using-api/deprecation-guide/) and the
/// release notes it links to. A version not listed is served when <see cref="BuiltInApi"/> knows it.
/// </summary>
public static class ApiLifecycleTable
{
    /// <summary>Every entry, in release-of-removal order as the migration guide lists them.</summary>
    public static IReadOnlyList<ApiLifecycleEntry> Entries { get; } = Build();

    // Declared after Entries: static initializers run in text order.
    private static readonly Dictionary<GroupVersionKind, ApiLifecycleEntry> ByGvk = Entries.ToDictionary(e => new GroupVersionKind(e.Group, e.Version, e.Kind));

    /// <summary>The status of <c>group/version</c> <paramref name="kind"/> at <paramref name="target"/>, with its replacement.</summary>
    public static ApiLifecycle Lookup(string group, string version, string kind, KubernetesVersion target)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(kind);
        if (ByGvk.TryGetValue(new GroupVersionKind(group, version, kind), out var e))
        {
            if (e.RemovedIn is { } removed && target >= removed) return new ApiLifecycle(ApiLifecycleStatus.Removed, e);
            if (e.DeprecatedIn is { } deprecated && target >= deprecated) return new ApiLifecycle(ApiLifecycleStatus.Deprecated, e);
            return new ApiLifecycle(ApiLifecycleStatus.Served, e);
        }

        var builtIn = BuiltInApi.Latest.Find(group, kind);
        return builtIn is not null && builtIn.Versions.Contains(version)
            ? new ApiLifecycle(ApiLifecycleStatus.Served, null)
            : new ApiLifecycle(ApiLifecycleStatus.Unknown, null);
    }

    /// <summary>The status of a group/version/kind at <paramref name="target"/>.</summary>
    public static ApiLifecycle Lookup(GroupVersionKind gvk, KubernetesVersion target) => Lookup(gvk.Group, gvk.Version, gvk.Kind, target);

    private static List<ApiLifecycleEntry> Build()
    {
        var list = new List<ApiLifecycleEntry>();

        void Add(string apiVersion, string[] kinds, string deprecatedIn, string? removedIn, string? replacement, string? replacementKind = null, string? note = null)
        {
            var gvk = GroupVersionKind.FromApiVersion(apiVersion, string.Empty);
            foreach (var k in kinds)
            {
                list.Add(new ApiLifecycleEntry(gvk.Group, gvk.Version, k, KubernetesVersion.Parse(deprecatedIn),
                    removedIn is null ? null : KubernetesVersion.Parse(removedIn), replacement, replacementKind, note));
            }
        }

        // v1.16: workloads and NetworkPolicy left extensions/v1beta1 and apps/v1beta1/v1beta2 (apps/v1 since 1.9).
        Add("extensions/v1beta1", ["DaemonSet", "Deployment", "ReplicaSet"], "1.9", "1.16", "apps/v1");
        Add("extensions/v1beta1", ["NetworkPolicy"], "1.9", "1.16", "networking.k8s.io/v1");
        Add("extensions/v1beta1", ["PodSecurityPolicy"], "1.11", "1.16", "policy/v1beta1");
        Add("apps/v1beta1", ["Deployment", "StatefulSet", "ControllerRevision"], "1.9", "1.16", "apps/v1");
        Add("apps/v1beta2", ["DaemonSet", "Deployment", "ReplicaSet", "StatefulSet", "ControllerRevision"], "1.9", "1.16", "apps/v1");

        // v1.22: the big beta clean-up.
        Add("admissionregistration.k8s.io/v1beta1", ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"], "1.16", "1.22", "admissionregistration.k8s.io/v1");
        Add("apiextensions.k8s.io/v1beta1", ["CustomResourceDefinition"], "1.16", "1.22", "apiextensions.k8s.io/v1");
        Add("apiregistration.k8s.io/v1beta1", ["APIService"], "1.19", "1.22", "apiregistration.k8s.io/v1");
        Add("authentication.k8s.io/v1beta1", ["TokenReview"], "1.19", "1.22", "authentication.k8s.io/v1");
        Add("authorization.k8s.io/v1beta1", ["LocalSubjectAccessReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview", "SubjectAccessReview"], "1.19", "1.22", "authorization.k8s.io/v1");
        Add("certificates.k8s.io/v1beta1", ["CertificateSigningRequest"], "1.19", "1.22", "certificates.k8s.io/v1");
        Add("coordination.k8s.io/v1beta1", ["Lease"], "1.19", "1.22", "coordination.k8s.io/v1");
        Add("extensions/v1beta1", ["Ingress"], "1.14", "1.22", "networking.k8s.io/v1");
        Add("networking.k8s.io/v1beta1", ["Ingress", "IngressClass"], "1.19", "1.22", "networking.k8s.io/v1");
        Add("rbac.authorization.k8s.io/v1beta1", ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"], "1.17", "1.22", "rbac.authorization.k8s.io/v1");
        Add("scheduling.k8s.io/v1beta1", ["PriorityClass"], "1.14", "1.22", "scheduling.k8s.io/v1");
        Add("storage.k8s.io/v1beta1", ["CSINode"], "1.17", "1.22", "storage.k8s.io/v1");
        Add("storage.k8s.io/v1beta1", ["CSIDriver", "StorageClass", "VolumeAttachment"], "1.19", "1.22", "storage.k8s.io/v1");

        // v1.25.
        Add("batch/v1beta1", ["CronJob"], "1.21", "1.25", "batch/v1");
        Add("discovery.k8s.io/v1beta1", ["EndpointSlice"], "1.21", "1.25", "discovery.k8s.io/v1");
        Add("events.k8s.io/v1beta1", ["Event"], "1.19", "1.25", "events.k8s.io/v1");
        Add("autoscaling/v2beta1", ["HorizontalPodAutoscaler"], "1.23", "1.25", "autoscaling/v2");
        Add("policy/v1beta1", ["PodDisruptionBudget"], "1.21", "1.25", "policy/v1");
        Add("policy/v1beta1", ["PodSecurityPolicy"], "1.21", "1.25", null,
            note: "PodSecurityPolicy has no replacement API: use Pod Security Admission (namespace labels) or a policy engine");
        Add("node.k8s.io/v1beta1", ["RuntimeClass"], "1.20", "1.25", "node.k8s.io/v1");

        // v1.26, v1.27, v1.29, v1.32.
        Add("flowcontrol.apiserver.k8s.io/v1beta1", ["FlowSchema", "PriorityLevelConfiguration"], "1.23", "1.26", "flowcontrol.apiserver.k8s.io/v1");
        Add("autoscaling/v2beta2", ["HorizontalPodAutoscaler"], "1.23", "1.26", "autoscaling/v2");
        Add("storage.k8s.io/v1beta1", ["CSIStorageCapacity"], "1.24", "1.27", "storage.k8s.io/v1");
        Add("flowcontrol.apiserver.k8s.io/v1beta2", ["FlowSchema", "PriorityLevelConfiguration"], "1.26", "1.29", "flowcontrol.apiserver.k8s.io/v1");
        Add("flowcontrol.apiserver.k8s.io/v1beta3", ["FlowSchema", "PriorityLevelConfiguration"], "1.29", "1.32", "flowcontrol.apiserver.k8s.io/v1");

        // Dynamic resource allocation: the v1alpha2 "classic DRA" API went away in 1.31 (structured
        // parameters, v1alpha3), PodSchedulingContext with classic DRA in 1.32, the v1alpha3 versions of
        // the structured API in 1.33 (only DeviceTaintRule stays there); resource.k8s.io/v1 is GA in 1.34.
        Add("resource.k8s.io/v1alpha2", ["ResourceClaim", "ResourceClaimTemplate", "ResourceSlice"], "1.31", "1.31", "resource.k8s.io/v1");
        Add("resource.k8s.io/v1alpha2", ["ResourceClass"], "1.31", "1.31", "resource.k8s.io/v1", "DeviceClass");
        Add("resource.k8s.io/v1alpha2", ["ResourceClaimParameters", "ResourceClassParameters"], "1.31", "1.31", null,
            note: "classic DRA parameters objects have no successor: structured parameters live in DeviceClass and ResourceClaim");
        Add("resource.k8s.io/v1alpha2", ["PodSchedulingContext"], "1.31", "1.31", null, note: "classic DRA was removed; structured parameters need no scheduling context");
        Add("resource.k8s.io/v1alpha3", ["ResourceClass"], "1.31", "1.31", "resource.k8s.io/v1", "DeviceClass");
        Add("resource.k8s.io/v1alpha3", ["ResourceClaimParameters", "ResourceClassParameters"], "1.31", "1.31", null,
            note: "classic DRA parameters objects have no successor: structured parameters live in DeviceClass and ResourceClaim");
        Add("resource.k8s.io/v1alpha3", ["PodSchedulingContext"], "1.32", "1.32", null, note: "classic DRA was removed; structured parameters need no scheduling context");
        Add("resource.k8s.io/v1alpha3", ["DeviceClass", "ResourceClaim", "ResourceClaimTemplate", "ResourceSlice"], "1.32", "1.33", "resource.k8s.io/v1");
        Add("resource.k8s.io/v1beta1", ["DeviceClass", "ResourceClaim", "ResourceClaimTemplate", "ResourceSlice"], "1.34", null, "resource.k8s.io/v1");
        Add("resource.k8s.io/v1beta2", ["DeviceClass", "ResourceClaim", "ResourceClaimTemplate", "ResourceSlice"], "1.34", null, "resource.k8s.io/v1");
        return list;
    }
}
