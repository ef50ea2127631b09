using K8sLandscape.Model;
using K8sLandscape.Model.Api.BuiltIn;

namespace K8sLandscape.Core.Tests.Model.Api.BuiltIn;

// Facts from https://kubernetes.io/docs/reference/using-api/deprecation-guide/ (the "v1.16", "v1.22",
// "v1.25", "v1.26", "v1.27", "v1.29" and "v1.32" sections).
public class ApiLifecycleTableTests
{
    [Theory]
    [InlineData("extensions", "v1beta1", "Deployment", "1.15", ApiLifecycleStatus.Deprecated, "apps/v1")]
    [InlineData("extensions", "v1beta1", "Deployment", "1.16", ApiLifecycleStatus.Removed, "apps/v1")]
    [InlineData("apps", "v1beta2", "DaemonSet", "1.16", ApiLifecycleStatus.Removed, "apps/v1")]
    [InlineData("extensions", "v1beta1", "NetworkPolicy", "1.16", ApiLifecycleStatus.Removed, "networking.k8s.io/v1")]
    [InlineData("extensions", "v1beta1", "Ingress", "1.21", ApiLifecycleStatus.Deprecated, "networking.k8s.io/v1")]
    [InlineData("networking.k8s.io", "v1beta1", "Ingress", "1.22", ApiLifecycleStatus.Removed, "networking.k8s.io/v1")]
    [InlineData("networking.k8s.io", "v1beta1", "IngressClass", "1.22", ApiLifecycleStatus.Removed, "networking.k8s.io/v1")]
    [InlineData("apiextensions.k8s.io", "v1beta1", "CustomResourceDefinition", "1.22", ApiLifecycleStatus.Removed, "apiextensions.k8s.io/v1")]
    [InlineData("admissionregistration.k8s.io", "v1beta1", "MutatingWebhookConfiguration", "1.21", ApiLifecycleStatus.Deprecated, "admissionregistration.k8s.io/v1")]
    [InlineData("rbac.authorization.k8s.io", "v1beta1", "ClusterRole", "1.22", ApiLifecycleStatus.Removed, "rbac.authorization.k8s.io/v1")]
    [InlineData("storage.k8s.io", "v1beta1", "CSIDriver", "1.22", ApiLifecycleStatus.Removed, "storage.k8s.io/v1")]
    [InlineData("batch", "v1beta1", "CronJob", "1.24", ApiLifecycleStatus.Deprecated, "batch/v1")]
    [InlineData("batch", "v1beta1", "CronJob", "1.25", ApiLifecycleStatus.Removed, "batch/v1")]
    [InlineData("policy", "v1beta1", "PodDisruptionBudget", "1.25", ApiLifecycleStatus.Removed, "policy/v1")]
    [InlineData("autoscaling", "v2beta1", "HorizontalPodAutoscaler", "1.25", ApiLifecycleStatus.Removed, "autoscaling/v2")]
    [InlineData("autoscaling", "v2beta2", "HorizontalPodAutoscaler", "1.25", ApiLifecycleStatus.Deprecated, "autoscaling/v2")]
    [InlineData("autoscaling", "v2beta2", "HorizontalPodAutoscaler", "1.26", ApiLifecycleStatus.Removed, "autoscaling/v2")]
    [InlineData("storage.k8s.io", "v1beta1", "CSIStorageCapacity", "1.27", ApiLifecycleStatus.Removed, "storage.k8s.io/v1")]
    [InlineData("flowcontrol.apiserver.k8s.io", "v1beta2", "FlowSchema", "1.29", ApiLifecycleStatus.Removed, "flowcontrol.apiserver.k8s.io/v1")]
    [InlineData("flowcontrol.apiserver.k8s.io", "v1beta3", "FlowSchema", "1.31", ApiLifecycleStatus.Deprecated, "flowcontrol.apiserver.k8s.io/v1")]
    [InlineData("flowcontrol.apiserver.k8s.io", "v1beta3", "PriorityLevelConfiguration", "1.32", ApiLifecycleStatus.Removed, "flowcontrol.apiserver.k8s.io/v1")]
    [InlineData("node.k8s.io", "v1beta1", "RuntimeClass", "1.25", ApiLifecycleStatus.Removed, "node.k8s.io/v1")]
    [InlineData("discovery.k8s.io", "v1beta1", "EndpointSlice", "1.25", ApiLifecycleStatus.Removed, "discovery.k8s.io/v1")]
    [InlineData("events.k8s.io", "v1beta1", "Event", "1.25", ApiLifecycleStatus.Removed, "events.k8s.io/v1")]
    public void Migration_guide_entries(string group, string version, string kind, string target, ApiLifecycleStatus status, string replacement)
    {
        var result = ApiLifecycleTable.Lookup(group, version, kind, KubernetesVersion.Parse(target));
        Assert.Equal((status, replacement), (result.Status, result.ReplacementApiVersion));
    }

    [Fact]
    public void Pod_security_policy_is_removed_in_1_25_with_no_replacement()
    {
        var psp = ApiLifecycleTable.Lookup("policy", "v1beta1", "PodSecurityPolicy", new KubernetesVersion(1, 25));
        Assert.Equal(ApiLifecycleStatus.Removed, psp.Status);
        Assert.Null(psp.ReplacementApiVersion);
        Assert.Contains("Pod Security Admission", psp.Entry?.Note, StringComparison.Ordinal);
        Assert.Equal(ApiLifecycleStatus.Deprecated, ApiLifecycleTable.Lookup("policy", "v1beta1", "PodSecurityPolicy", new KubernetesVersion(1, 24)).Status);
    }

    [Fact]
    public void Versions_before_deprecation_are_served_and_current_versions_are_served()
    {
        Assert.Equal(ApiLifecycleStatus.Served, ApiLifecycleTable.Lookup("batch", "v1beta1", "CronJob", new KubernetesVersion(1, 20)).Status);
        var current = ApiLifecycleTable.Lookup("apps", "v1", "Deployment", KubernetesVersion.Latest);
        Assert.Equal(ApiLifecycleStatus.Served, current.Status);
        Assert.Null(current.Entry);
    }

    [Fact]
    public void Unknown_group_versions_are_reported_as_unknown()
    {
        Assert.Equal(ApiLifecycleStatus.Unknown, ApiLifecycleTable.Lookup("cert-manager.io", "v1", "Certificate", KubernetesVersion.Latest).Status);
        Assert.Equal(ApiLifecycleStatus.Unknown, ApiLifecycleTable.Lookup("apps", "v3", "Deployment", KubernetesVersion.Latest).Status);
    }

    [Fact]
    public void Dra_resource_class_was_replaced_by_device_class()
    {
        var rc = ApiLifecycleTable.Lookup("resource.k8s.io", "v1alpha2", "ResourceClass", new KubernetesVersion(1, 31));
        Assert.Equal((ApiLifecycleStatus.Removed, "resource.k8s.io/v1", "DeviceClass"), (rc.Status, rc.ReplacementApiVersion, rc.Entry?.ReplacementKind));
    }

    [Fact]
    public void Entries_are_unique_and_every_replacement_chain_ends_at_a_served_version_or_a_note()
    {
        var keys = ApiLifecycleTable.Entries.Select(e => e.ApiVersion + "/" + e.Kind).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        foreach (var start in ApiLifecycleTable.Entries)
        {
            // extensions/v1beta1 PodSecurityPolicy moved to policy/v1beta1, which was removed in turn.
            var e = start;
            for (var hops = 0; e?.ReplacementApiVersion is { } replacement; hops++)
            {
                Assert.True(hops < 5, $"replacement cycle from {start.ApiVersion} {start.Kind}");
                var target = global::K8sLandscape.Loading.GroupVersionKind.FromApiVersion(replacement, e.ReplacementKind ?? e.Kind);
                var lookup = ApiLifecycleTable.Lookup(target, KubernetesVersion.Latest);
                if (lookup.Status == ApiLifecycleStatus.Served) break;
                Assert.True(lookup.Status == ApiLifecycleStatus.Removed, $"{start.ApiVersion} {start.Kind} -> {target}: {lookup.Status}");
                e = lookup.Entry;
                Assert.True(e?.ReplacementApiVersion is not null || e?.Note is not null, $"{target} is removed with no replacement and no note");
            }

            Assert.True(start.ReplacementApiVersion is not null || start.Note is not null, $"{start.ApiVersion} {start.Kind} has neither replacement nor note");
        }
    }
}
