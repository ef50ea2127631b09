using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Api.BuiltIn;
using K8sLandscape.Model.Layers;

namespace K8sLandscape.Core.Tests.Model.Layers;

public class LayerMapTests
{
    [Fact]
    public void Every_built_in_resource_has_a_layer()
    {
        var missing = BuiltInApi.Latest.Resources.Where(r => BuiltInLayers.Find(r.GroupKind) is null or ResourceLayer.Unknown).Select(r => r.GroupKind.ToString()).ToList();
        Assert.True(missing.Count == 0, "no layer for: " + string.Join(", ", missing));
    }

    // Written from ARCHITECTURE.md's four layers: resource (network, storage, base platform objects),
    // scheduling (controllers, schedulers, priorities), isolation & service access (limits, config,
    // identity, routing), application (app logic, service definitions, lifecycle).
    [Theory]
    [InlineData("", "Node", ResourceLayer.Resource)]
    [InlineData("", "PersistentVolume", ResourceLayer.Resource)]
    [InlineData("storage.k8s.io", "StorageClass", ResourceLayer.Resource)]
    [InlineData("storage.k8s.io", "CSIDriver", ResourceLayer.Resource)]
    [InlineData("storage.k8s.io", "CSINode", ResourceLayer.Resource)]
    [InlineData("storage.k8s.io", "VolumeAttachment", ResourceLayer.Resource)]
    [InlineData("node.k8s.io", "RuntimeClass", ResourceLayer.Resource)]
    [InlineData("resource.k8s.io", "DeviceClass", ResourceLayer.Resource)]
    [InlineData("resource.k8s.io", "ResourceSlice", ResourceLayer.Resource)]
    [InlineData("networking.k8s.io", "IngressClass", ResourceLayer.Resource)]
    [InlineData("apps", "Deployment", ResourceLayer.Scheduling)]
    [InlineData("apps", "DaemonSet", ResourceLayer.Scheduling)]
    [InlineData("apps", "StatefulSet", ResourceLayer.Scheduling)]
    [InlineData("apps", "ReplicaSet", ResourceLayer.Scheduling)]
    [InlineData("batch", "Job", ResourceLayer.Scheduling)]
    [InlineData("batch", "CronJob", ResourceLayer.Scheduling)]
    [InlineData("scheduling.k8s.io", "PriorityClass", ResourceLayer.Scheduling)]
    [InlineData("policy", "PodDisruptionBudget", ResourceLayer.Scheduling)]
    [InlineData("coordination.k8s.io", "Lease", ResourceLayer.Scheduling)]
    [InlineData("", "ResourceQuota", ResourceLayer.IsolationAndServiceAccess)]
    [InlineData("", "LimitRange", ResourceLayer.IsolationAndServiceAccess)]
    [InlineData("", "ConfigMap", ResourceLayer.IsolationAndServiceAccess)]
    [InlineData("", "Secret", ResourceLayer.IsolationAndServiceAccess)]
    [InlineData("", "ServiceAccount", ResourceLayer.IsolationAndServiceAccess)]
    [InlineData("rbac.authorization.k8s.io", "ClusterRoleBinding", ResourceLayer.IsolationAndServiceAccess)]
    [InlineData("networking.k8s.io", "NetworkPolicy", ResourceLayer.IsolationAndServiceAccess)]
    [InlineData("", "Service", ResourceLayer.IsolationAndServiceAccess)]
    [InlineData("discovery.k8s.io", "EndpointSlice", ResourceLayer.IsolationAndServiceAccess)]
    [InlineData("networking.k8s.io", "Ingress", ResourceLayer.IsolationAndServiceAccess)]
    [InlineData("admissionregistration.k8s.io", "ValidatingWebhookConfiguration", ResourceLayer.IsolationAndServiceAccess)]
    [InlineData("", "Pod", ResourceLayer.Application)]
    [InlineData("", "PodTemplate", ResourceLayer.Application)]
    [InlineData("apps", "ControllerRevision", ResourceLayer.Application)]
    [InlineData("extensions", "Deployment", ResourceLayer.Scheduling)]
    [InlineData("extensions", "Ingress", ResourceLayer.IsolationAndServiceAccess)]
    [InlineData("policy", "PodSecurityPolicy", ResourceLayer.IsolationAndServiceAccess)]
    public void Representative_built_in_kinds_sit_in_the_expected_layer(string group, string kind, ResourceLayer expected) =>
        Assert.Equal(expected, BuiltInLayers.Find(new GroupKind(group, kind)));

    [Fact]
    public void Custom_kinds_go_by_catalog_category_then_name_heuristic_then_application_and_overrides_win()
    {
        var objects = new[]
        {
            Crd("keda.sh", "ScaledObject"),
            Crd("external-secrets.io", "ExternalSecret"),
            Crd("velero.io", "Backup"),
            Crd("example.com", "WidgetNetwork"),
            Crd("example.com", "WidgetPolicy"),
            Crd("example.com", "Widget"),
            Crd("example.com", "Gadget"),
            KubeObject.FromJson("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"}}"""),
            KubeObject.FromJson("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}}"""),
        };
        var options = new LandscapeOptions
        {
            LayerOverrides = new Dictionary<string, ResourceLayer> { ["Gadget.example.com"] = ResourceLayer.Scheduling, ["ConfigMap"] = ResourceLayer.Application },
        };

        var layers = Landscape.Build(objects, options).Layers;

        Assert.Equal((ResourceLayer.Scheduling, LayerSource.Catalog, "keda (autoscaling)"), Of(layers, "keda.sh", "ScaledObject"));
        Assert.Equal((ResourceLayer.IsolationAndServiceAccess, LayerSource.Catalog, "external-secrets (secrets)"), Of(layers, "external-secrets.io", "ExternalSecret"));
        Assert.Equal((ResourceLayer.Resource, LayerSource.Catalog, "velero (backup)"), Of(layers, "velero.io", "Backup"));
        Assert.Equal((ResourceLayer.Resource, LayerSource.Heuristic, "Network"), Of(layers, "example.com", "WidgetNetwork"));
        Assert.Equal((ResourceLayer.IsolationAndServiceAccess, LayerSource.Heuristic, "Policy"), Of(layers, "example.com", "WidgetPolicy"));
        Assert.Equal((ResourceLayer.Application, LayerSource.Default, null), Of(layers, "example.com", "Widget"));
        Assert.Equal((ResourceLayer.Scheduling, LayerSource.Override, "Gadget.example.com"), Of(layers, "example.com", "Gadget"));
        Assert.Equal((ResourceLayer.Application, LayerSource.Override, "ConfigMap"), Of(layers, "", "ConfigMap"));
        Assert.Equal((ResourceLayer.Application, LayerSource.BuiltIn, null), Of(layers, "apiextensions.k8s.io", "CustomResourceDefinition"));

        // Kinds of the input plus kinds defined by its CRDs, once each, sorted by group then kind.
        Assert.Equal(
            ["ConfigMap", "CustomResourceDefinition.apiextensions.k8s.io", "Gadget.example.com", "Widget.example.com", "WidgetNetwork.example.com",
             "WidgetPolicy.example.com", "ExternalSecret.external-secrets.io", "ScaledObject.keda.sh", "Backup.velero.io"],
            layers.Kinds.Select(k => k.Kind.ToString()));
        Assert.Equal(layers.Kinds.Count, layers.Layers.Count);
    }

    [Fact]
    public void Kinds_not_present_are_classified_by_the_same_rules()
    {
        var layers = Landscape.Build([]).Layers;
        Assert.Empty(layers.Kinds);
        Assert.Equal(ResourceLayer.Scheduling, layers.LayerOf(new GroupKind("apps", "Deployment")));
        Assert.Equal(LayerSource.Catalog, layers.SourceOf(new GroupKind("kueue.x-k8s.io", "LocalQueue")));
        Assert.Equal(ResourceLayer.Scheduling, layers.LayerOf(new GroupKind("kueue.x-k8s.io", "LocalQueue")));
        Assert.Equal(ResourceLayer.Application, layers.LayerOf(new GroupKind("acme.io", "Thing")));
    }

    [Fact]
    public void A_component_recognized_in_the_cluster_decides_over_other_catalog_entries_for_the_same_group()
    {
        var catalog = ComponentCatalog.Parse("""
            components:
              - id: a-operator
                name: A
                category: operator
                fingerprints: {crdGroups: [shared.example.com]}
              - id: b-scheduler
                name: B
                category: scheduler
                fingerprints: {crdGroups: [shared.example.com], workloads: [b-scheduler]}
            """, "test.yaml").Catalog;
        var withoutB = Landscape.Build([Crd("shared.example.com", "Thing")], new LandscapeOptions { Catalog = catalog }).Layers;
        var withB = Landscape.Build(
            [Crd("shared.example.com", "Thing"), KubeObject.FromJson("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"b-scheduler"}}""")],
            new LandscapeOptions { Catalog = catalog }).Layers;

        Assert.Equal("a-operator (operator)", withoutB.Find(new GroupKind("shared.example.com", "Thing")).Reason);
        Assert.Equal(ResourceLayer.Scheduling, withB.LayerOf(new GroupKind("shared.example.com", "Thing")));
    }

    [Theory]
    [InlineData("CiliumNetworkPolicy", ResourceLayer.IsolationAndServiceAccess)]
    [InlineData("ClusterIssuer", ResourceLayer.IsolationAndServiceAccess)]
    [InlineData("HTTPRoute", ResourceLayer.IsolationAndServiceAccess)]
    [InlineData("ClusterQueue", ResourceLayer.Scheduling)]
    [InlineData("NodePool", ResourceLayer.Scheduling)]
    [InlineData("VolumeSnapshot", ResourceLayer.Resource)]
    [InlineData("IPPool", ResourceLayer.Resource)]
    public void Name_heuristic_examples(string kind, ResourceLayer expected) =>
        Assert.Equal(expected, LayerHeuristics.Classify(kind)?.Layer);

    [Fact]
    public void Name_heuristic_leaves_plain_application_kinds_alone()
    {
        Assert.Null(LayerHeuristics.Classify("KafkaTopic"));
        Assert.Null(LayerHeuristics.Classify("Application"));
    }

    private static (ResourceLayer, LayerSource, string?) Of(LayerMap map, string group, string kind)
    {
        var k = map.Find(new GroupKind(group, kind));
        return (k.Layer, k.Source, k.Reason);
    }

    private static KubeObject Crd(string group, string kind)
    {
        var plural = kind.ToLowerInvariant() + "s";
        return KubeObject.FromJson(
            $$"""{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"{{plural}}.{{group}}"},"spec":{"group":"{{group}}","names":{"kind":"{{kind}}","plural":"{{plural}}"},"scope":"Namespaced"}""" + "}");
    }
}

public class CategoryLayerCoverageTests
{
    [Fact]
    public void Every_category_the_built_in_catalog_uses_has_a_layer()
    {
        var categories = ComponentCatalog.BuiltIn.Components.Select(c => c.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        Assert.DoesNotContain(categories, c => CategoryLayers.For(c) is null);
    }

    [Fact]
    public void A_project_known_by_CRD_names_serves_the_group_of_those_names()
    {
        var rollouts = ComponentCatalog.BuiltIn.Find("argo-rollouts");
        Assert.NotNull(rollouts);
        Assert.Contains("argoproj.io", rollouts.Fingerprints.ServedGroups);
    }
}
