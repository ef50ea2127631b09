using K8sLandscape.Catalog;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Workloads;

namespace K8sLandscape.Core.Tests.Catalog;

public class ComponentRecognizerTests
{
    // A hand-written catalog: every fingerprint kind once, with values chosen for these tests.
    private static readonly ComponentCatalog TestCatalog = Parse("""
        components:
          - id: calico
            name: Calico
            category: cni
            fingerprints:
              images: [calico/node]
              crdGroups: [crd.projectcalico.org]
              workloads: [calico-node]
              cniTypes: [calico]
          - id: ebs
            name: EBS CSI
            category: csi-driver
            fingerprints:
              csiDrivers: [ebs.csi.aws.com]
          - id: in-tree-ebs
            name: In-tree EBS
            category: csi-driver
            fingerprints:
              provisioners: [kubernetes.io/aws-ebs]
          - id: nvidia-device-plugin
            name: NVIDIA device plugin
            category: device-plugin
            fingerprints:
              extendedResources: [nvidia.com/gpu]
          - id: gpu-dra
            name: GPU DRA
            category: dra-driver
            fingerprints:
              draDrivers: [gpu.example.com]
          - id: istio
            name: Istio
            category: service-mesh
            fingerprints:
              webhooks: ["*.istio.io", exact.hook.example]
              gatewayControllers: [istio.io/gateway-controller]
          - id: flannel
            name: Flannel
            category: cni
            fingerprints:
              cniTypes: [flannel]
          - id: portmap
            name: portmap
            category: cni
            fingerprints:
              cniTypes: [portmap]
          - id: containerd
            name: containerd
            category: container-runtime
            fingerprints:
              runtimeEngines: [containerd]
          - id: cri-o
            name: CRI-O
            category: container-runtime
            fingerprints:
              runtimeEngines: [cri-o]
          - id: kata
            name: Kata
            category: container-runtime
            fingerprints:
              runtimeHandlers: [kata]
          - id: runc
            name: runc
            category: container-runtime
            fingerprints:
              runtimeHandlers: [runc]
          - id: ingress-nginx
            name: ingress-nginx
            category: ingress-controller
            fingerprints:
              ingressControllers: [k8s.io/ingress-nginx]
          - id: volcano
            name: Volcano
            category: scheduler
            fingerprints:
              schedulers: [volcano]
          - id: kubevela
            name: KubeVela
            category: lifecycle-manager
            fingerprints:
              labels: [app.kubernetes.io/part-of=kubevela]
          - id: strimzi
            name: Strimzi
            category: operator
            fingerprints:
              olmPackages: [strimzi-kafka-operator]
        """);

    [Fact]
    public void Images_match_whole_trailing_path_components_only()
    {
        var result = Recognize(
            Workload("apps/v1", "DaemonSet", "a", "quay.io/calico/node:v3.30.0"),
            Workload("apps/v1", "DaemonSet", "b", "docker.io/alico/node:v1"),
            Workload("apps/v1", "DaemonSet", "c", "calico/node-driver-registrar:v3"),
            Workload("v1", "Pod", "d", "registry.example.com/mirror/calico/node@sha256:0123"));

        var calico = Assert.Single(result);
        Assert.Equal("calico", calico.Id);
        Assert.Equal(
            [("a", "image", "quay.io/calico/node:v3.30.0"), ("d", "image", "registry.example.com/mirror/calico/node@sha256:0123")],
            calico.Evidence.Select(e => (e.Object.Name, e.Fingerprint, e.Value)));
    }

    [Fact]
    public void Crd_groups_and_workload_names_are_recognized()
    {
        var result = Recognize(
            Obj("""{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"ippools.crd.projectcalico.org"},"spec":{"group":"crd.projectcalico.org"}}"""),
            Obj("""{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"x.projectcalico.org"},"spec":{"group":"projectcalico.org"}}"""),
            Obj("""{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"calico-node"}}"""),
            Obj("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"calico-node"}}"""));

        Assert.Equal(
            [("CustomResourceDefinition", "crdGroup", "crd.projectcalico.org"), ("DaemonSet", "workload", "calico-node")],
            Assert.Single(result).Evidence.Select(e => (e.Object.Kind, e.Fingerprint, e.Value)));
    }

    [Fact]
    public void Crd_names_tell_apart_projects_that_share_one_group()
    {
        var catalog = Parse("""
            components:
              - id: argo-workflows
                name: Argo Workflows
                category: workflow
                fingerprints: {crds: [workflows.argoproj.io]}
              - id: argo-rollouts
                name: Argo Rollouts
                category: gitops
                fingerprints: {crds: [rollouts.argoproj.io]}
            """);
        var index = new ObjectIndex(
        [
            Obj("""{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"rollouts.argoproj.io"},"spec":{"group":"argoproj.io"}}"""),
            Obj("""{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"sensors.argoproj.io"},"spec":{"group":"argoproj.io"}}"""),
            Obj("""{"apiVersion":"argoproj.io/v1alpha1","kind":"Rollout","metadata":{"name":"rollouts.argoproj.io"}}"""),
        ]);

        var result = ComponentRecognizer.Recognize(index, Workloads(index), catalog);

        Assert.Equal(("argo-rollouts", ("CustomResourceDefinition", "crd", "rollouts.argoproj.io")), (Assert.Single(result).Id, Kinds(result[0]).Single()));
    }

    [Fact]
    public void Csi_drivers_and_provisioners_come_from_csidrivers_and_storage_classes()
    {
        var result = Recognize(
            Obj("""{"apiVersion":"storage.k8s.io/v1","kind":"CSIDriver","metadata":{"name":"ebs.csi.aws.com"}}"""),
            Obj("""{"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"name":"gp3"},"provisioner":"ebs.csi.aws.com"}"""),
            Obj("""{"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"name":"gp2"},"provisioner":"kubernetes.io/aws-ebs"}"""));

        Assert.Equal(["ebs", "in-tree-ebs"], result.Select(c => c.Id));
        Assert.Equal([("ebs.csi.aws.com", "csiDriver"), ("gp3", "csiDriver")], result[0].Evidence.Select(e => (e.Object.Name, e.Fingerprint)));
        Assert.Equal(("gp2", "provisioner", "kubernetes.io/aws-ebs"), Single(result[1]));
    }

    [Fact]
    public void Extended_resources_are_read_from_node_capacity_and_allocatable_once_per_node()
    {
        var result = Recognize(
            Obj("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"gpu-1"},"status":{"capacity":{"cpu":"8","nvidia.com/gpu":"4"},"allocatable":{"nvidia.com/gpu":"4"}}}"""),
            Obj("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"cpu-1"},"status":{"capacity":{"cpu":"8","nvidia.com/gpu.shared":"1"}}}"""));

        Assert.Equal(("gpu-1", "extendedResource", "nvidia.com/gpu"), Single(Assert.Single(result)));
    }

    [Fact]
    public void Dra_drivers_come_from_resource_slices_and_device_class_cel_selectors()
    {
        var result = Recognize(
            Obj("""{"apiVersion":"resource.k8s.io/v1","kind":"ResourceSlice","metadata":{"name":"node-1-gpu"},"spec":{"driver":"gpu.example.com"}}"""),
            Obj("""{"apiVersion":"resource.k8s.io/v1","kind":"DeviceClass","metadata":{"name":"gpu"},"spec":{"selectors":[{"cel":{"expression":"device.driver == 'gpu.example.com' && device.attributes['gpu.example.com'].model == 'a100'"}}]}}"""),
            Obj("""{"apiVersion":"resource.k8s.io/v1","kind":"DeviceClass","metadata":{"name":"other"},"spec":{"selectors":[{"cel":{"expression":"device.driver==\"other.example.com\""}}]}}"""));

        Assert.Equal(
            [("node-1-gpu", "draDriver", "gpu.example.com"), ("gpu", "draDriver", "gpu.example.com")],
            Assert.Single(result).Evidence.Select(e => (e.Object.Name, e.Fingerprint, e.Value)));
    }

    [Fact]
    public void Webhook_names_match_exactly_or_by_a_wildcard_prefix()
    {
        var result = Recognize(
            Obj("""{"apiVersion":"admissionregistration.k8s.io/v1","kind":"MutatingWebhookConfiguration","metadata":{"name":"istio-sidecar-injector"},"webhooks":[{"name":"rev.namespace.sidecar-injector.istio.io"},{"name":"istio.io"}]}"""),
            Obj("""{"apiVersion":"admissionregistration.k8s.io/v1","kind":"ValidatingWebhookConfiguration","metadata":{"name":"v"},"webhooks":[{"name":"exact.hook.example"},{"name":"validation.istio.io.evil.com"},{"name":"not.exact.hook.example"}]}"""));

        Assert.Equal(
            [("istio-sidecar-injector", "rev.namespace.sidecar-injector.istio.io"), ("v", "exact.hook.example")],
            Assert.Single(result).Evidence.Select(e => (e.Object.Name, e.Value)));
    }

    [Fact]
    public void Cni_types_come_from_node_configuration_and_from_configmaps_holding_cni_json()
    {
        var conflist = Load("""
            {"cniVersion":"1.0.0","name":"k8s-pod-network","plugins":[{"type":"calico"},{"type":"portmap","capabilities":{"portMappings":true}}]}
            """, "10-calico.conflist");
        var configMap = Obj("""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"kube-flannel-cfg"},"data":{
              "cni-conf.json":"{\n  \"name\": \"cbr0\",\n  \"cniVersion\": \"0.3.1\",\n  \"plugins\": [\n    {\"type\": \"flannel\", \"delegate\": {\"hairpinMode\": true}},\n    {\"type\": \"portmap\"}\n  ]\n}\n",
              "net-conf.json":"{\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}}"}}
            """);
        var templated = Obj("""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"calico-config"},"data":{
              "cni_network_config":"{\"name\": \"k8s-pod-network\", \"cniVersion\": \"0.3.1\", \"plugins\": [{\"type\": \"calico\", \"mtu\": __CNI_MTU__, \"ipam\": {\"type\": \"calico-ipam\"}}]}",
              "broken":"{\"cniVersion\": \"0.3.1\", \"type\": \"flannel\" oops"}}
            """);

        var result = Recognize([.. conflist, configMap, templated]);

        Assert.Equal(["calico", "flannel", "portmap"], result.Select(c => c.Id));
        // Objects built in code have no location, so they sort before loaded ones.
        Assert.Equal([("calico-config", "calico"), ("10-calico.conflist", "calico")], result[0].Evidence.Select(e => (e.Object.Kind == ConfigKinds.CniConfig ? "10-calico.conflist" : e.Object.Name, e.Value)));
        Assert.Equal(("kube-flannel-cfg", "cniType", "flannel"), Single(result[1]));
        Assert.Equal(2, result[2].Evidence.Count);
    }

    [Fact]
    public void Runtime_engines_and_handlers_come_from_nodes_runtime_classes_and_runtime_configuration()
    {
        var containerd = Load("""
            version = 3
            [plugins."io.containerd.cri.v1.runtime".containerd.runtimes.runc]
              runtime_type = "io.containerd.runc.v2"
            [plugins."io.containerd.cri.v1.runtime".containerd.runtimes.kata]
              runtime_type = "io.containerd.kata.v2"
            """, "config.toml");
        var crio = Load("""
            [crio.runtime.runtimes.runc]
            runtime_path = "/usr/bin/runc"
            """, "crio.conf");
        var node = Obj("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"n1"},"status":{"nodeInfo":{"containerRuntimeVersion":"cri-o://1.30.2"}}}""");
        var docker = Obj("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"n2"},"status":{"nodeInfo":{"containerRuntimeVersion":"docker://20.10.7"}}}""");
        var runtimeClass = Obj("""{"apiVersion":"node.k8s.io/v1","kind":"RuntimeClass","metadata":{"name":"kata-qemu"},"handler":"kata"}""");

        var result = Recognize([.. containerd, .. crio, node, docker, runtimeClass]);

        Assert.Equal(["containerd", "cri-o", "kata", "runc"], result.Select(c => c.Id));
        Assert.Equal(("ContainerdConfig", "runtimeEngine", "containerd"), Kinds(result[0]).Single());
        Assert.Equal([("Node", "runtimeEngine", "cri-o"), ("CrioConfig", "runtimeEngine", "cri-o")], Kinds(result[1]));
        Assert.Equal([("RuntimeClass", "runtimeHandler", "kata"), ("ContainerdConfig", "runtimeHandler", "kata")], Kinds(result[2]));
        Assert.Equal([("ContainerdConfig", "runtimeHandler", "runc"), ("CrioConfig", "runtimeHandler", "runc")], Kinds(result[3]));
    }

    [Fact]
    public void Ingress_and_gateway_controllers_schedulers_labels_and_olm_packages_are_recognized()
    {
        var result = Recognize(
            Obj("""{"apiVersion":"networking.k8s.io/v1","kind":"IngressClass","metadata":{"name":"nginx"},"spec":{"controller":"k8s.io/ingress-nginx"}}"""),
            Obj("""{"apiVersion":"gateway.networking.k8s.io/v1","kind":"GatewayClass","metadata":{"name":"istio"},"spec":{"controllerName":"istio.io/gateway-controller"}}"""),
            Obj("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"job-0"},"spec":{"schedulerName":"volcano","containers":[{"name":"c","image":"busybox"}]}}"""),
            Obj("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"job-1"},"spec":{"schedulerName":"volcano-not","containers":[]}}"""),
            Obj("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"vela","labels":{"app.kubernetes.io/part-of":"kubevela"}}}"""),
            Obj("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"other","labels":{"app.kubernetes.io/part-of":"kubevela-addons"}}}"""),
            Obj("""{"apiVersion":"operators.coreos.com/v1alpha1","kind":"Subscription","metadata":{"name":"my-strimzi"},"spec":{"name":"strimzi-kafka-operator"}}"""));

        Assert.Equal(
            [
                ("ingress-nginx", "nginx", "ingressController", "k8s.io/ingress-nginx"),
                ("istio", "istio", "gatewayController", "istio.io/gateway-controller"),
                ("kubevela", "vela", "label", "app.kubernetes.io/part-of=kubevela"),
                ("strimzi", "my-strimzi", "olmPackage", "strimzi-kafka-operator"),
                ("volcano", "job-0", "scheduler", "volcano"),
            ],
            result.Select(c => (c.Id, Single(c).Name, Single(c).Fingerprint, Single(c).Value)));
    }

    [Fact]
    public void Evidence_is_ordered_by_location_then_input_order_and_recognition_is_repeatable()
    {
        var load = Load("""
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: z-first-in-file}
            spec: {template: {spec: {containers: [{name: c, image: calico/node}]}}}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: calico-node}
            spec: {template: {spec: {containers: [{name: c, image: calico/node}, {name: d, image: calico/node}]}}}
            """, "a.yaml");

        var first = Recognize([.. load]);
        var second = Recognize([.. load]);

        Assert.Equal(
            [("z-first-in-file", "image"), ("calico-node", "image"), ("calico-node", "workload")],
            Assert.Single(first).Evidence.Select(e => (e.Object.Name, e.Fingerprint)));
        Assert.Equal(first[0].Evidence, second[0].Evidence);
    }

    [Fact]
    public void A_big_cluster_visited_in_ranges_on_every_core_gives_every_piece_of_evidence_once_in_location_order()
    {
        // 20,000 documents in one file (the pass splits them into ranges past 8,192): every 97th is a
        // calico pod, and each pod's line is known, so the expected evidence is written out by hand.
        var text = new System.Text.StringBuilder();
        var expected = new List<(string Name, int Line)>();
        var line = 1;
        for (var i = 0; i < 20_000; i++)
        {
            if (i > 0)
            {
                text.Append("---\n");
                line++;
            }

            if (i % 97 == 0)
            {
                expected.Add(($"pod-{i}", line));
                text.Append($"apiVersion: v1\nkind: Pod\nmetadata: {{name: pod-{i}}}\nspec: {{containers: [{{name: c, image: calico/node:v3.{i}}}]}}\n");
                line += 4;
            }
            else
            {
                text.Append($"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: cm-{i}}}\n");
                line += 3;
            }
        }

        var result = Recognize([.. Load(text.ToString(), "big.yaml")]);

        var calico = Assert.Single(result);
        Assert.Equal(expected, calico.Evidence.Select(e => (e.Object.Name, e.Object.Location.Line)));
        Assert.All(calico.Evidence, e => Assert.Equal("image", e.Fingerprint));
        Assert.Equal(expected.Select(e => $"calico/node:v3.{e.Name[4..]}"), calico.Evidence.Select(e => e.Value));
    }

    [Fact]
    public void The_empty_catalog_recognizes_nothing()
    {
        var objects = new ObjectIndex([Workload("apps/v1", "DaemonSet", "a", "calico/node")]);
        Assert.Empty(ComponentRecognizer.Recognize(objects, Workloads(objects), new ComponentCatalog([])));
    }

    private static IReadOnlyList<RecognizedComponent> Recognize(params KubeObject[] objects)
    {
        var index = new ObjectIndex(objects);
        return ComponentRecognizer.Recognize(index, Workloads(index), TestCatalog);
    }

    private static List<Workload> Workloads(ObjectIndex index) => index.All.Select(global::K8sLandscape.Model.Workloads.Workload.From).OfType<Workload>().ToList();

    private static (string Name, string Fingerprint, string Value) Single(RecognizedComponent c)
    {
        var e = Assert.Single(c.Evidence);
        return (e.Object.Name, e.Fingerprint, e.Value);
    }

    private static IEnumerable<(string, string, string)> Kinds(RecognizedComponent c) => c.Evidence.Select(e => (e.Object.Kind, e.Fingerprint, e.Value));

    private static KubeObject Obj(string json) => KubeObject.FromJson(json);

    private static KubeObject Workload(string apiVersion, string kind, string name, string image) => kind == "Pod"
        ? Obj($$$"""{"apiVersion":"{{{apiVersion}}}","kind":"Pod","metadata":{"name":"{{{name}}}"},"spec":{"containers":[{"name":"c","image":"{{{image}}}"}]}}""")
        : Obj($$$"""{"apiVersion":"{{{apiVersion}}}","kind":"{{{kind}}}","metadata":{"name":"{{{name}}}"},"spec":{"template":{"spec":{"containers":[{"name":"c","image":"{{{image}}}"}]}""" + "}}}");

    private static IReadOnlyList<KubeObject> Load(string text, string path)
    {
        var result = new ManifestLoader(new LoaderOptions { MaxParallelism = 1 }).LoadString(text, path);
        Assert.Empty(result.Diagnostics);
        return result.Objects;
    }

    private static ComponentCatalog Parse(string yaml)
    {
        var result = ComponentCatalog.Parse(yaml, "test-catalog.yaml");
        Assert.Empty(result.Diagnostics);
        return result.Catalog;
    }
}
