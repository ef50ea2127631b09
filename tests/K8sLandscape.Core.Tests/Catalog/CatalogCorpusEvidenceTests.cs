using K8sLandscape.Catalog;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Workloads;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Core.Tests.Catalog;

/// <summary>
/// Checks the built-in catalog against the real upstream manifests of the shared corpus: each row
/// names a component, the corpus file or folder that installs it, and fingerprints (as
/// <c>kind value</c>, the value as the catalog writes it) that the catalog must list and that must
/// match that manifest. The values were read off the manifests, not off the catalog.
/// </summary>
public class CatalogCorpusEvidenceTests
{
    public static TheoryData<string, string, string[]> Rows => new()
    {
        // installs/: one complete upstream install per folder (installs/README.md).
        { "argo-events", "installs/argo-events", ["image argoproj/argo-events", "crd eventbus.argoproj.io", "crd eventsources.argoproj.io", "crd sensors.argoproj.io"] },
        { "argo-rollouts", "installs/argo-rollouts", ["image argoproj/argo-rollouts", "crd rollouts.argoproj.io", "crd analysisruns.argoproj.io", "crd analysistemplates.argoproj.io", "crd clusteranalysistemplates.argoproj.io", "crd experiments.argoproj.io", "workload argo-rollouts", "label app.kubernetes.io/part-of=argo-rollouts"] },
        { "argo-workflows", "installs/argo-workflows", ["image argoproj/workflow-controller", "image argoproj/argocli", "crd workflows.argoproj.io", "crd workflowtemplates.argoproj.io", "crd cronworkflows.argoproj.io", "crd workflowtasksets.argoproj.io", "workload workflow-controller", "workload argo-server"] },
        { "cloudnative-pg", "installs/cloudnative-pg", ["image cloudnative-pg/cloudnative-pg", "crdGroup postgresql.cnpg.io", "workload cnpg-controller-manager", "webhook mcluster.cnpg.io", "webhook vpooler.cnpg.io", "webhook mdatabase.cnpg.io", "label app.kubernetes.io/name=cloudnative-pg"] },
        { "external-dns", "installs/external-dns", ["image external-dns/external-dns", "workload external-dns"] },
        { "flux-helm-operator", "installs/flux-helm-operator", ["image fluxcd/helm-operator", "crdGroup helm.fluxcd.io", "workload helm-operator"] },
        { "flux", "installs/flux2", ["image fluxcd/source-controller", "image fluxcd/kustomize-controller", "image fluxcd/helm-controller", "image fluxcd/notification-controller", "crdGroup source.toolkit.fluxcd.io", "crdGroup helm.toolkit.fluxcd.io", "workload helm-controller", "label app.kubernetes.io/part-of=flux"] },
        { "haproxy-kubernetes-ingress", "installs/haproxy-ingress", ["image haproxytech/kubernetes-ingress", "workload haproxy-kubernetes-ingress"] },
        { "keycloak-operator", "installs/keycloak-operator", ["image keycloak/keycloak-operator", "crdGroup k8s.keycloak.org", "workload keycloak-operator", "label app.kubernetes.io/name=keycloak-operator"] },
        { "kong", "installs/kong-ingress", ["image kong/kubernetes-ingress-controller", "image kong", "crdGroup configuration.konghq.com", "workload ingress-kong", "workload proxy-kong", "ingressController ingress-controllers.konghq.com/kong"] },
        { "kube-router", "installs/kube-router", ["image cloudnativelabs/kube-router", "workload kube-router"] },
        { "kube-state-metrics", "installs/kube-state-metrics", ["image kube-state-metrics/kube-state-metrics", "workload kube-state-metrics", "label app.kubernetes.io/name=kube-state-metrics"] },
        { "kubernetes-dashboard", "installs/kubernetes-dashboard", ["image kubernetesui/dashboard", "image kubernetesui/metrics-scraper", "workload kubernetes-dashboard", "workload dashboard-metrics-scraper", "label k8s-app=kubernetes-dashboard"] },
        { "kuma", "installs/kuma", ["image kumahq/kuma-cp", "crdGroup kuma.io", "workload kuma-control-plane", "webhook pods-kuma-injector.kuma.io", "webhook namespace-kuma-injector.kuma.io", "webhook mesh-zoneproxy-kuma-injector.kuma.io", "webhook *.kuma-admission.kuma.io", "label app.kubernetes.io/name=kuma"] },
        { "kyverno", "installs/kyverno", ["image kyverno/kyverno", "image kyverno/background-controller", "image kyverno/cleanup-controller", "image kyverno/reports-controller", "crdGroup kyverno.io", "workload kyverno-admission-controller", "workload kyverno-reports-controller"] },
        { "metallb", "installs/metallb", ["image metallb/controller", "image metallb/speaker", "crdGroup metallb.io", "webhook *.metallb.io"] },
        { "metrics-server", "installs/microk8s-metrics-server", ["image metrics-server/metrics-server", "workload metrics-server", "label k8s-app=metrics-server"] },
        { "mpi-operator", "installs/mpi-operator", ["image mpioperator/mpi-operator", "workload mpi-operator", "label app.kubernetes.io/name=mpi-operator"] },
        { "nfs-subdir-external-provisioner", "installs/nfs-subdir-external-provisioner", ["image nfs-subdir-external-provisioner", "provisioner k8s-sigs.io/nfs-subdir-external-provisioner", "workload nfs-client-provisioner"] },
        { "nginx-ingress-inc", "installs/nginx-inc-ingress", ["image nginx/nginx-ingress", "crdGroup k8s.nginx.org", "crdGroup externaldns.nginx.org", "workload nginx-ingress", "ingressController nginx.org/ingress-controller"] },
        { "opentelemetry-operator", "installs/opentelemetry-operator", ["crdGroup opentelemetry.io", "label app.kubernetes.io/name=opentelemetry-operator"] },
        { "prometheus-adapter", "installs/prometheus-adapter", ["image prometheus-adapter/prometheus-adapter", "workload prometheus-adapter", "label app.kubernetes.io/name=prometheus-adapter"] },
        { "secrets-store-csi-driver", "installs/secrets-store-csi-driver", ["image csi-secrets-store/driver", "crdGroup secrets-store.csi.x-k8s.io", "csiDriver secrets-store.csi.k8s.io", "workload csi-secrets-store"] },
        { "tekton-pipelines", "installs/tekton-pipelines", ["crdGroup tekton.dev", "crdGroup resolution.tekton.dev", "workload tekton-pipelines-controller", "workload tekton-pipelines-webhook", "webhook webhook.pipeline.tekton.dev", "webhook validation.webhook.pipeline.tekton.dev", "webhook config.webhook.pipeline.tekton.dev"] },
        { "training-operator", "installs/training-operator", ["image kubeflow/training-operator", "crd tfjobs.kubeflow.org", "crd pytorchjobs.kubeflow.org", "crd xgboostjobs.kubeflow.org", "crd paddlejobs.kubeflow.org", "crd jaxjobs.kubeflow.org", "workload training-operator", "webhook *.training-operator.kubeflow.org"] },

        // The rest of the corpus: operators, network, storage and device plugins as upstream ships them.
        { "cert-manager", "operators/cert-manager", ["crdGroup cert-manager.io", "crdGroup acme.cert-manager.io"] },
        { "prometheus-operator", "operators/prometheus-operator", ["image prometheus-operator/prometheus-operator", "image prometheus-operator/admission-webhook", "crdGroup monitoring.coreos.com", "workload prometheus-operator", "workload prometheus-operator-admission-webhook"] },
        { "istio", "operators/istio", ["crdGroup networking.istio.io", "crdGroup security.istio.io", "crdGroup telemetry.istio.io", "crdGroup extensions.istio.io"] },
        { "istio", "webhooks/istio", ["webhook sidecar-injector.istio.io", "webhook *.sidecar-injector.istio.io", "webhook validation.istio.io", "webhook *.validation.istio.io"] },
        { "kubevela", "operators/kubevela", ["crdGroup core.oam.dev", "crdGroup cue.oam.dev"] },
        { "crossplane", "operators/crossplane", ["crdGroup apiextensions.crossplane.io", "crdGroup pkg.crossplane.io", "crdGroup ops.crossplane.io", "crdGroup protection.crossplane.io"] },
        { "crossplane", "webhooks/crossplane", ["webhook nousages.protection.crossplane.io"] },
        { "olm", "operators/olm/olm.yaml", ["image operator-framework/olm", "workload olm-operator", "workload catalog-operator"] },
        { "gateway-api", "operators/gateway-api", ["crdGroup gateway.networking.k8s.io"] },
        { "ingress-nginx", "operators/ingress-nginx/deploy-cloud.yaml", ["image ingress-nginx/controller", "workload ingress-nginx-controller", "ingressController k8s.io/ingress-nginx", "webhook validate.nginx.ingress.kubernetes.io", "label app.kubernetes.io/name=ingress-nginx"] },
        { "traefik", "operators/traefik", ["crdGroup traefik.io", "ingressController traefik.io/ingress-controller"] },
        { "strimzi", "operators/strimzi/install", ["image strimzi/operator", "crdGroup kafka.strimzi.io", "crdGroup core.strimzi.io", "workload strimzi-cluster-operator"] },
        { "argo-workflows", "operators/argo-workflows", ["crd workflows.argoproj.io", "crd workflowtemplates.argoproj.io", "crd clusterworkflowtemplates.argoproj.io", "crd cronworkflows.argoproj.io", "crd workfloweventbindings.argoproj.io", "crd workflowtaskresults.argoproj.io", "crd workflowartifactgctasks.argoproj.io"] },
        { "kyverno", "webhooks/kyverno", ["crdGroup kyverno.io", "crdGroup policies.kyverno.io", "crdGroup reports.kyverno.io", "webhook validate.kyverno.svc-ignore", "webhook mutate.kyverno.svc-ignore", "webhook ivpol.validate.kyverno.svc-fail"] },
        { "calico", "cni/calico/calico.yaml", ["image calico/node", "image calico/cni", "image calico/kube-controllers", "crdGroup crd.projectcalico.org", "workload calico-node", "workload calico-kube-controllers", "cniType calico"] },
        { "flannel", "cni/flannel", ["image flannel-io/flannel", "image flannel-io/flannel-cni-plugin", "workload kube-flannel-ds", "cniType flannel"] },
        { "cilium", "cni/cilium", ["image cilium/cilium", "image cilium/operator", "crdGroup cilium.io", "workload cilium", "workload cilium-operator"] },
        { "multus", "cni/multus", ["crdGroup k8s.cni.cncf.io", "workload kube-multus-ds", "cniType multus"] },
        { "weave", "cni/weave", ["image weaveworks/weave-kube", "image weaveworks/weave-npc", "workload weave-net"] },
        { "ovn-kubernetes", "cni/ovn-kubernetes", ["crdGroup k8s.ovn.org"] },
        { "aws-ebs", "csi/aws-ebs-csi-driver", ["csiDriver ebs.csi.aws.com", "workload ebs-csi-controller", "workload ebs-csi-node"] },
        { "csi-driver-nfs", "csi/csi-driver-nfs", ["image sig-storage/nfsplugin", "csiDriver nfs.csi.k8s.io", "workload csi-nfs-controller", "workload csi-nfs-node"] },
        { "snapshot-controller", "csi/csi-driver-nfs", ["image sig-storage/snapshot-controller", "crdGroup snapshot.storage.k8s.io", "workload snapshot-controller"] },
        { "csi-driver-host-path", "csi/csi-driver-host-path", ["csiDriver hostpath.csi.k8s.io", "workload csi-hostpathplugin"] },
        { "local-path-provisioner", "csi/local-path-provisioner", ["image rancher/local-path-provisioner", "provisioner rancher.io/local-path", "workload local-path-provisioner"] },
        { "nvidia-device-plugin", "device-plugins/nvidia-k8s-device-plugin", ["image nvidia/k8s-device-plugin", "workload nvidia-device-plugin-daemonset"] },
        { "gpu-feature-discovery", "device-plugins/nvidia-k8s-device-plugin", ["workload gpu-feature-discovery"] },
        { "nvidia-gpu-operator", "device-plugins/nvidia-gpu-operator", ["crdGroup nvidia.com"] },
        { "node-feature-discovery", "device-plugins/nvidia-gpu-operator", ["crdGroup nfd.k8s-sigs.io"] },
        { "intel-device-plugins-operator", "device-plugins/intel-device-plugins", ["image intel/intel-deviceplugin-operator", "crdGroup deviceplugin.intel.com"] },
        { "intel-gpu-plugin", "device-plugins/intel-device-plugins", ["image intel/intel-gpu-plugin", "workload intel-gpu-plugin"] },
        { "intel-fpga-plugin", "device-plugins/intel-device-plugins", ["image intel/intel-fpga-plugin", "workload intel-fpga-plugin", "webhook fpga.mutator.webhooks.intel.com"] },
        { "istio", "helm-rendered/istio-istioctl-manifest-generate", ["image release/pilot", "workload istiod", "label operator.istio.io/component=Pilot", "webhook *.sidecar-injector.istio.io", "webhook *.validation.istio.io"] },
        { "istio-cni", "helm-rendered/istio-istioctl-manifest-generate/istio-cni.golden.yaml", ["workload istio-cni-node"] },
        { "kata", "cri/kata-containers", ["image kata-containers/kata-deploy", "runtimeHandler kata", "runtimeHandler kata-qemu", "runtimeHandler kata-clh", "runtimeHandler kata-fc"] },
        { "gvisor", "cri/gvisor", ["runtimeHandler runsc"] },
        { "containerd", "cri/containerd", ["runtimeEngine containerd"] },
        { "cri-o", "cri/cri-o", ["runtimeEngine cri-o"] },
        { "rook-ceph", "csi/rook-ceph", ["image rook/ceph", "crdGroup ceph.rook.io", "workload rook-ceph-operator"] },
        { "ceph-csi", "csi/rook-ceph", ["image cephcsi/ceph-csi-operator", "crdGroup csi.ceph.io", "workload ceph-csi-controller-manager"] },
        { "rook-ceph-rbd", "csi/rook-ceph", ["csiDriver rook-ceph.rbd.csi.ceph.com"] },
        { "openebs", "csi/openebs", ["crdGroup openebs.io", "workload maya-apiserver", "workload openebs-ndm"] },
        { "openebs-iscsi-provisioner", "csi/openebs", ["provisioner openebs.io/provisioner-iscsi", "workload openebs-provisioner"] },
        { "in-tree-gce-pd", "csi/kubernetes-cluster-addons-storage-class", ["provisioner kubernetes.io/gce-pd"] },
        { "coredns", "cluster-dumps/sonobuoy-testdata-kind-2019", ["image coredns", "workload coredns"] },
        { "kube-proxy", "cluster-dumps/sonobuoy-testdata-kind-2019", ["image kube-proxy", "workload kube-proxy"] },
        { "amd-gpu-device-plugin", "device-plugins/amd-rocm-k8s-device-plugin", ["image rocm/k8s-device-plugin", "workload amdgpu-device-plugin-daemonset"] },
    };

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public void The_component_is_recognized_in_its_upstream_manifest_by_each_listed_fingerprint(string id, string corpusPath, string[] expected)
    {
        var path = Corpus.Require(corpusPath);
        var definition = ComponentCatalog.BuiltIn.Find(id);
        Assert.NotNull(definition);
        var recognized = Recognize(path).SingleOrDefault(c => c.Id == id);
        Assert.True(recognized is not null, $"'{id}' is not recognized in {corpusPath}");

        foreach (var item in expected)
        {
            var (kind, value) = Split(item);
            Assert.True(Values(definition.Fingerprints, kind).Contains(value, StringComparer.Ordinal), $"the catalog entry '{id}' does not list {kind} '{value}'");
            Assert.True(
                recognized.Evidence.Any(e => e.Fingerprint == kind && Matches(kind, value, e.Value)),
                $"'{id}' in {corpusPath}: no {kind} evidence for '{value}'; found {string.Join(", ", recognized.Evidence.Select(e => e.Fingerprint + " " + e.Value).Distinct())}");
        }
    }

    [SkippableFact]
    public void Every_single_install_of_the_corpus_has_a_row()
    {
        var installs = Corpus.Require("installs");
        var covered = Rows.Select(r => (string)r[1]).ToHashSet(StringComparer.Ordinal);
        var missing = Directory.GetDirectories(installs).Select(d => "installs/" + Path.GetFileName(d)).Where(d => !covered.Contains(d)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "no component row for " + string.Join(", ", missing));
    }

    [SkippableFact]
    public void The_mpi_operator_and_the_training_operator_are_not_taken_for_each_other()
    {
        // Both serve kubeflow.org and both ship mpijobs.kubeflow.org.
        var mpi = Recognize(Corpus.Require("installs/mpi-operator")).Select(c => c.Id).ToList();
        var training = Recognize(Corpus.Require("installs/training-operator")).Select(c => c.Id).ToList();

        Assert.Equal((true, false), (mpi.Contains("mpi-operator"), mpi.Contains("training-operator")));
        Assert.Equal((true, false), (training.Contains("training-operator"), training.Contains("mpi-operator")));
    }

    [SkippableFact]
    public void Argo_projects_are_told_apart_although_they_share_argoproj_io()
    {
        Assert.Equal(["argo-rollouts"], Recognize(Corpus.Require("installs/argo-rollouts")).Select(c => c.Id).Where(id => id.StartsWith("argo", StringComparison.Ordinal)));
        Assert.Equal(["argo-events"], Recognize(Corpus.Require("installs/argo-events")).Select(c => c.Id).Where(id => id.StartsWith("argo", StringComparison.Ordinal)));
    }

    internal static IReadOnlyList<RecognizedComponent> Recognize(string path)
    {
        var load = new ManifestLoader().Load(path);
        var index = new ObjectIndex(load.Objects);
        var workloads = index.All.Select(Workload.From).OfType<Workload>().ToList();
        return ComponentRecognizer.Recognize(index, workloads, ComponentCatalog.BuiltIn);
    }

    private static (string Kind, string Value) Split(string item)
    {
        var space = item.IndexOf(' ', StringComparison.Ordinal);
        return (item[..space], item[(space + 1)..]);
    }

    private static bool Matches(string kind, string value, string evidence) => kind switch
    {
        "image" => ImageReference.Parse(evidence).RepositoryEndsWith(value),
        "webhook" when value.StartsWith("*.", StringComparison.Ordinal) => evidence.EndsWith(value[1..], StringComparison.Ordinal),
        _ => evidence == value,
    };

    internal static IReadOnlyList<string> Values(Fingerprints f, string kind) => kind switch
    {
        "image" => f.Images,
        "crdGroup" => f.CrdGroups,
        "crd" => f.Crds,
        "workload" => f.Workloads,
        "csiDriver" => f.CsiDrivers,
        "provisioner" => f.Provisioners,
        "extendedResource" => f.ExtendedResources,
        "draDriver" => f.DraDrivers,
        "webhook" => f.Webhooks,
        "cniType" => f.CniTypes,
        "runtimeEngine" => f.RuntimeEngines,
        "runtimeHandler" => f.RuntimeHandlers,
        "ingressController" => f.IngressControllers,
        "gatewayController" => f.GatewayControllers,
        "scheduler" => f.Schedulers,
        "label" => f.Labels,
        "olmPackage" => f.OlmPackages,
        _ => throw new ArgumentException("unknown fingerprint kind " + kind, nameof(kind)),
    };
}
