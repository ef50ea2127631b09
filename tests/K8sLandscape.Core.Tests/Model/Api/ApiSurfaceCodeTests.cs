using K8sLandscape.Model;
using K8sLandscape.Model.Api;

namespace K8sLandscape.Core.Tests.Model.Api;

public class ApiSurfaceCodeTests
{
    [Fact]
    public void V1beta1_single_version_CRDs_and_conversion_webhooks_are_read()
    {
        var api = CorpusLandscape.FromYaml("""
            apiVersion: apiextensions.k8s.io/v1beta1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            spec:
              group: example.com
              version: v1alpha1
              names: {kind: Widget, plural: widgets}
              scope: Cluster
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: gadgets.example.com}
            spec:
              group: example.com
              names: {kind: Gadget, plural: gadgets, shortNames: [gd]}
              scope: Namespaced
              conversion:
                strategy: Webhook
                webhook:
                  conversionReviewVersions: [v1]
                  clientConfig:
                    service: {namespace: tools, name: gadget-conv, path: /convert, port: 9443}
              versions:
              - {name: v1, served: true, storage: true}
              - {name: v1beta1, served: true, storage: false, deprecated: true, deprecationWarning: use v1}
              - {name: v1alpha1, served: false, storage: false}
            """).Api;

        var widget = Assert.Single(api.Crds, c => c.Names.Kind == "Widget");
        var only = Assert.Single(widget.Versions);
        Assert.Equal(("v1alpha1", true, true, "spec.version"), (only.Name, only.Served, only.Storage, only.Path));
        Assert.Equal("widget", widget.Names.Singular);
        Assert.Equal("WidgetList", widget.Names.ListKind);
        Assert.Equal(ResourceScope.Cluster, widget.Scope);
        Assert.Equal(ConversionStrategy.None, widget.Conversion.Strategy);

        var gadget = Assert.Single(api.Crds, c => c.Names.Kind == "Gadget");
        Assert.Equal(ConversionStrategy.Webhook, gadget.Conversion.Strategy);
        Assert.Equal(new ServiceReference("tools", "gadget-conv", "/convert", 9443), gadget.Conversion.Service);
        Assert.Equal(new[] { "v1" }, gadget.Conversion.ReviewVersions);
        Assert.Equal(new[] { "v1", "v1beta1" }, gadget.ServedVersions.Select(v => v.Name));
        Assert.Equal("use v1", gadget.Versions[1].DeprecationWarning);
        Assert.Equal(
            new[] { "example.com/v1", "example.com/v1alpha1", "example.com/v1beta1" },
            api.ByGroupVersion.Keys.Where(k => k.StartsWith("example.com/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal("Gadget", Assert.Single(api.ClaimantsOfGroupVersion("example.com", "v1beta1")).ResourceKind);
    }

    [Fact]
    public void The_same_CRD_twice_is_not_a_collision_but_two_resources_are()
    {
        const string crd = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: certs.a.example}
            spec:
              group: a.example
              names: {kind: Cert, plural: certs, shortNames: [ct]}
              scope: Namespaced
              versions: [{name: v1, served: true, storage: true}]
            """;
        var api = CorpusLandscape.FromYaml(crd + "\n---\n" + crd + """

            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: certs.b.example}
            spec:
              group: b.example
              names: {kind: Certificate, plural: certs, shortNames: [CT]}
              scope: Namespaced
              versions: [{name: v1, served: true, storage: true}]
            """).Api;

        Assert.Equal(3, api.ClaimantsOfShortName("ct").Count);
        var collision = Assert.Single(api.ShortNameCollisions);
        Assert.Equal(new[] { "certs.a.example", "certs.b.example" }, collision.Resources);
        Assert.Equal("certs", Assert.Single(api.PluralCollisions).Name);
        Assert.Empty(api.KindCollisions);
    }

    [Fact]
    public void APIServices_are_local_or_served_by_a_Service_and_only_aggregated_ones_are_extensions()
    {
        var landscape = CorpusLandscape.FromYaml("""
            apiVersion: apiregistration.k8s.io/v1
            kind: APIService
            metadata: {name: v1.apps}
            spec: {group: apps, version: v1, groupPriorityMinimum: 17800, versionPriority: 15}
            ---
            apiVersion: apiregistration.k8s.io/v1
            kind: APIService
            metadata: {name: v1beta1.metrics.k8s.io}
            spec:
              group: metrics.k8s.io
              version: v1beta1
              insecureSkipTLSVerify: true
              groupPriorityMinimum: 100
              versionPriority: 100
              service: {namespace: kube-system, name: metrics-server, port: 443}
            """);
        var api = landscape.Api;

        var local = Assert.Single(api.ApiServices, a => a.Name == "v1.apps");
        Assert.True(local.IsLocal);
        // apps/v1 is claimed by the local APIService and by the built-in resources of apps (Deployment, ...).
        var appsV1 = api.ClaimantsOfGroupVersion("apps", "v1");
        Assert.Contains(appsV1, c => c.Source == ApiClaimantSource.ApiService);
        Assert.Contains(appsV1, c => c.Source == ApiClaimantSource.BuiltIn && c.ResourceKind == "Deployment");
        var metrics = Assert.Single(api.ApiServices, a => a.Name == "v1beta1.metrics.k8s.io");
        Assert.False(metrics.IsLocal);
        Assert.True(metrics.InsecureSkipTlsVerify);
        Assert.Equal(new ServiceReference("kube-system", "metrics-server", null, 443), metrics.Service);
        Assert.Equal("metrics.k8s.io/v1beta1", metrics.GroupVersion);
        Assert.Equal(ApiClaimantSource.ApiService, Assert.Single(api.ClaimantsOfGroupVersion("metrics.k8s.io", "v1beta1")).Source);

        var point = Assert.Single(api.ExtensionPoints);
        Assert.Equal("api-group:metrics.k8s.io", point.Name);
        Assert.Equal(LandscapeAreas.Api, point.Area);
        Assert.Equal("apiservice:v1beta1.metrics.k8s.io", Assert.Single(point.Implementations).Id);
    }
}

public class ApiSurfaceBuiltInTests
{
    [Fact]
    public void A_CRD_reusing_a_built_in_short_name_collides_with_the_built_in()
    {
        var api = CorpusLandscape.FromYaml("""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: deployers.example.com}
            spec:
              group: example.com
              names: {kind: Deployer, plural: deployers, shortNames: [deploy]}
              scope: Namespaced
              versions: [{name: v1, served: true, storage: true}]
            """).Api;

        var collision = Assert.Single(api.ShortNameCollisions);
        Assert.Equal("deploy", collision.Name);
        Assert.True(collision.InvolvesBuiltIn);
        Assert.Equal(new[] { "deployers.example.com", "deployments.apps" }, collision.Resources);
        // Built-ins that share a kind among themselves (core and events.k8s.io Event) are not reported.
        Assert.DoesNotContain(api.KindCollisions, c => c.Name == "Event");
    }
}
