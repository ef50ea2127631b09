using K8sLandscape.Model;
using K8sLandscape.Model.Api.BuiltIn;

namespace K8sLandscape.Core.Tests.Model.Api.BuiltIn;

public class BuiltInApiTests
{
    private static readonly BuiltInApi Api = BuiltInApi.Latest;

    [Fact]
    public void Describes_the_latest_release_and_well_known_resources()
    {
        Assert.Equal(new KubernetesVersion(1, 34), Api.Version);

        // kubectl api-resources facts: deployments (deploy, apps/v1, namespaced, category all).
        var deploy = Api.Find("apps", "Deployment");
        Assert.NotNull(deploy);
        Assert.Equal(("deployments", "deployment", true, "apps/v1"), (deploy.Plural, deploy.Singular, deploy.Namespaced, deploy.PreferredApiVersion));
        Assert.Equal(["deploy"], deploy.ShortNames);
        Assert.Equal(["all"], deploy.Categories);

        Assert.Equal(["crd", "crds"], Api.Find("apiextensions.k8s.io", "CustomResourceDefinition")?.ShortNames);
        Assert.False(Api.Find("", "Node")?.Namespaced);
        Assert.Equal("v1", Api.Find("", "ConfigMap")?.PreferredApiVersion);
    }

    [Fact]
    public void Versions_are_in_priority_order_with_the_preferred_version_first()
    {
        Assert.Equal(["v2", "v1"], Api.Find("autoscaling", "HorizontalPodAutoscaler")?.Versions);
        Assert.Equal("v1", Api.Find("resource.k8s.io", "ResourceClaim")?.PreferredVersion);
    }

    [Fact]
    public void Lookups_by_plural_short_name_and_kind_cover_every_group()
    {
        Assert.Equal(["", "events.k8s.io"], Api.FindByPlural("events").Select(r => r.Group));
        Assert.Equal("StorageClass", Assert.Single(Api.FindByShortName("sc")).Kind);
        Assert.Equal("PersistentVolumeClaim", Assert.Single(Api.FindByShortName("pvc")).Kind);
        Assert.Equal(["", "events.k8s.io"], Api.FindByKind("Event").Select(r => r.Group));
        Assert.Empty(Api.FindByPlural("certificates"));
        Assert.Null(Api.Find("cert-manager.io", "Certificate"));
        Assert.True(Api.IsBuiltInGroup("storage.k8s.io"));
        Assert.True(Api.IsBuiltInGroup(""));
        Assert.False(Api.IsBuiltInGroup("crd.projectcalico.org"));
    }

    [Fact]
    public void Subresources_are_not_resources()
    {
        Assert.DoesNotContain(Api.Resources, r => r.Plural.Contains('/', StringComparison.Ordinal));
        Assert.Empty(Api.FindByPlural("pods/status"));
    }

    [Fact]
    public void Resources_are_sorted_by_group_then_kind_and_unique()
    {
        var keys = Api.Resources.Select(r => r.GroupKind.ToString()).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        var sorted = Api.Resources.OrderBy(r => r.Group, StringComparer.Ordinal).ThenBy(r => r.Kind, StringComparer.Ordinal).ToList();
        Assert.Equal(sorted, Api.Resources);
    }

    [Theory]
    [InlineData(new[] { "v1alpha1", "v1", "v2beta1", "v1beta2", "v2", "v1beta1" }, new[] { "v2", "v1", "v2beta1", "v1beta2", "v1beta1", "v1alpha1" })]
    [InlineData(new[] { "foo", "v1", "v10", "v2" }, new[] { "v10", "v2", "v1", "foo" })]
    public void Api_versions_sort_by_kubernetes_priority(string[] input, string[] expected) =>
        Assert.Equal(expected, input.Order(ApiVersionOrder.Instance));
}
