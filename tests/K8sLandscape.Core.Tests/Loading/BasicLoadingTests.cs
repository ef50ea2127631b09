using K8sLandscape.Loading;
using k8s.Models;

namespace K8sLandscape.Core.Tests.Loading;

public class BasicLoadingTests
{
    [Fact]
    public void Multi_document_yaml_keeps_each_documents_line_and_identity()
    {
        const string yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: a
              namespace: ns1
              labels: {app: x}
            ---
            # a comment
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: b
            """;
        var result = LoaderTestExtensions.Load(yaml);

        Assert.Empty(result.Diagnostics);
        Assert.Collection(result.Objects,
            o =>
            {
                Assert.Equal("v1/ConfigMap", o.Gvk.ToString());
                Assert.Equal(("ns1", "a"), (o.Namespace, o.Name));
                Assert.Equal("x", o.Labels["app"]);
                Assert.Equal(new SourceSpan("test.yaml", 1, 1), o.Location);
            },
            o =>
            {
                Assert.Equal(("apps", "v1", "DaemonSet"), (o.Group, o.Version, o.Kind));
                Assert.Null(o.Namespace);
                Assert.Equal(9, o.Location.Line);
            });
    }

    [Fact]
    public void Field_paths_resolve_to_their_own_lines()
    {
        const string yaml = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
              annotations:
                storageclass.kubernetes.io/is-default-class: "true"
            spec:
              group: example.com
              names:
                kind: Widget
                plural: widgets
                shortNames:
                - wd
                - wdg
            """;
        var o = Assert.Single(LoaderTestExtensions.Load(yaml).Objects);

        Assert.Equal(12, o.LocationOf("spec.names.shortNames").Line);
        Assert.Equal(14, o.LocationOf("spec.names.shortNames[1]").Line);
        Assert.Equal(6, o.LocationOf("metadata.annotations[storageclass.kubernetes.io/is-default-class]").Line);
        Assert.Equal(9, o.LocationOf("spec.names.missing").Line); // nearest ancestor that exists
    }

    [Fact]
    public void Built_in_kinds_convert_to_KubernetesClient_models()
    {
        const string yaml = """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: fast
            provisioner: ebs.csi.aws.com
            allowVolumeExpansion: yes
            """;
        var o = Assert.Single(LoaderTestExtensions.Load(yaml).Objects);
        var sc = o.As<V1StorageClass>();

        Assert.Equal("ebs.csi.aws.com", sc.Provisioner);
        Assert.True(sc.AllowVolumeExpansion); // YAML 1.1 'yes', as kubectl reads it
        Assert.Same(sc, o.As<V1StorageClass>());
    }

    [Fact]
    public void Custom_resources_stay_generic_trees()
    {
        const string yaml = """
            apiVersion: kafka.strimzi.io/v1beta2
            kind: Kafka
            metadata: {name: my-cluster}
            spec: {kafka: {replicas: 3, version: 3.9.0}}
            """;
        var o = Assert.Single(LoaderTestExtensions.Load(yaml).Objects);

        Assert.True(o.TryGet("spec.kafka.replicas", out var replicas));
        Assert.Equal(3, replicas.GetInt32());
        Assert.Equal("3.9.0", o.GetString("spec.kafka.version"));
    }

    [Fact]
    public void Kind_List_dumps_are_flattened_with_each_item_keeping_its_line()
    {
        const string yaml = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Namespace
              metadata: {name: one}
            - apiVersion: v1
              kind: Namespace
              metadata: {name: two}
            metadata: {resourceVersion: ""}
            """;
        var result = LoaderTestExtensions.Load(yaml);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new[] { "one", "two" }, result.Objects.Select(o => o.Name));
        Assert.Equal(new[] { 4, 7 }, result.Objects.Select(o => o.Location.Line));
    }

    [Fact]
    public void Json_arrays_of_objects_are_flattened()
    {
        const string json = """
            [
              {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n1"}},
              {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n2"}}
            ]
            """;
        var result = LoaderTestExtensions.Load(json, "nodes.json");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new[] { 2, 3 }, result.Objects.Select(o => o.Location.Line));
    }

    [Fact]
    public void Helm_source_comments_become_part_of_the_origin()
    {
        const string yaml = """
            ---
            # Source: istio-cni/templates/configmap.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: istio-cni-config
            ---
            # Source: istio-cni/templates/daemonset.yaml
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: istio-cni-node
            """;
        var result = LoaderTestExtensions.Load(yaml);

        Assert.Equal(new[] { "istio-cni/templates/configmap.yaml", "istio-cni/templates/daemonset.yaml" }, result.Objects.Select(o => o.HelmSource));
        Assert.Equal(new[] { 3, 9 }, result.Objects.Select(o => o.Location.Line));
    }

    [Fact]
    public void Objects_built_in_code_need_no_file()
    {
        var model = new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = new V1ObjectMeta { Name = "made-in-code" } };
        var o = KubeObject.FromModel(model);

        Assert.Equal("v1/Namespace", o.Gvk.ToString());
        Assert.Equal("made-in-code", o.Name);
        Assert.False(o.Location.IsKnown);
    }
}
