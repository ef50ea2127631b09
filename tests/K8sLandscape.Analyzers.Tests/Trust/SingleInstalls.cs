namespace K8sLandscape.Analyzers.Tests.Trust;

/// <summary>
/// Every healthy single install in the shared corpus: the 25 add-ons under <c>installs/</c> and each
/// other upstream install that stands alone (one variant file of a folder that holds several, or a
/// whole folder that is one install). A manifest older than the current Kubernetes release is judged
/// against the release it was written for, since a 2020 install is healthy on a 2020 cluster.
/// </summary>
internal static class SingleInstalls
{
    /// <summary>The folders under <c>installs/</c> (installs/README.md lists them).</summary>
    public static readonly string[] Addons =
    [
        "kyverno", "tekton-pipelines", "flux2", "flux-helm-operator", "argo-workflows", "argo-rollouts", "argo-events",
        "opentelemetry-operator", "metallb", "external-dns", "kube-state-metrics", "prometheus-adapter",
        "microk8s-metrics-server", "kubernetes-dashboard", "kong-ingress", "haproxy-ingress", "nginx-inc-ingress",
        "nfs-subdir-external-provisioner", "secrets-store-csi-driver", "training-operator", "mpi-operator",
        "keycloak-operator", "kube-router", "kuma", "cloudnative-pg",
    ];

    /// <summary>Other single installs: the corpus paths that make up one install, and the Kubernetes minor it targets (null: the latest).</summary>
    public static readonly (string Name, string[] Paths, string? KubernetesVersion)[] Others =
    [
        ("calico manifest", ["cni/calico/calico.yaml"], null),
        ("canal", ["cni/calico/canal.yaml"], null),
        ("calico operator", ["cni/calico/tigera-operator.yaml", "cni/calico/custom-resources.yaml"], null),
        ("flannel", ["cni/flannel/kube-flannel.yml"], null),
        ("cilium 1.7", ["cni/cilium/quick-install-v1.7.3.yaml"], "1.17"),
        ("multus", ["cni/multus/multus-daemonset.yml"], null),
        ("multus thick", ["cni/multus/multus-daemonset-thick.yml"], null),
        ("multus cri-o", ["cni/multus/multus-daemonset-crio.yml"], null),
        ("weave 2.x", ["cni/weave/weave-daemonset-k8s-1.11.yaml"], "1.11"),
        ("csi-driver-nfs", ["csi/csi-driver-nfs"], null),
        ("k3s local storage", ["csi/k3s-local-storage/local-storage.yaml"], null),
        ("local-path-provisioner", ["csi/local-path-provisioner/local-path-storage.yaml"], null),
        ("openebs", ["csi/openebs"], null),
        ("rook-ceph operator", ["csi/rook-ceph/crds.yaml", "csi/rook-ceph/common.yaml", "csi/rook-ceph/operator.yaml"], null),
        ("aws-ebs-csi-driver", ["csi/aws-ebs-csi-driver/deploy-base"], null),
        ("csi-driver-host-path", ["csi/csi-driver-host-path/kubernetes-1.34"], null),
        ("kata deploy", ["cri/kata-containers/kata-rbac-3.20.0.yaml", "cri/kata-containers/kata-deploy-3.20.0.yaml", "cri/kata-containers/kata-runtimeClasses-3.20.0.yaml"], null),
        ("gvisor", ["cri/gvisor"], null),
        ("nvidia device plugin", ["device-plugins/nvidia-k8s-device-plugin/static/nvidia-device-plugin.yml"], null),
        ("amd device plugin", ["device-plugins/amd-rocm-k8s-device-plugin/k8s-ds-amdgpu-dp.yaml", "device-plugins/amd-rocm-k8s-device-plugin/k8s-ds-amdgpu-labeller.yaml"], null),
        ("intel gpu plugin", ["device-plugins/intel-device-plugins/gpu_plugin"], null),
        ("intel device plugins operator", ["device-plugins/intel-device-plugins/operator"], null),
        ("nvidia gpu operator", ["device-plugins/nvidia-gpu-operator"], null),
        ("ingress-nginx cloud", ["operators/ingress-nginx/deploy-cloud.yaml"], null),
        ("ingress-nginx kind", ["operators/ingress-nginx/deploy-kind.yaml"], null),
        ("olm", ["operators/olm"], null),
        ("strimzi", ["operators/strimzi/install"], null),
        ("cert-manager crds", ["operators/cert-manager"], null),
        ("crossplane crds", ["operators/crossplane"], null),
        ("gateway-api standard", ["operators/gateway-api/standard"], null),
        ("istio crds", ["operators/istio"], null),
        ("kubevela crds", ["operators/kubevela"], null),
        ("argo-workflows crds", ["operators/argo-workflows"], null),
        ("prometheus-operator", ["operators/prometheus-operator"], null),
        ("traefik crd install", ["operators/traefik/kubernetes-crd-definition-v1.yml", "operators/traefik/kubernetes-crd-rbac.yml"], null),
        ("istiod helm golden", ["helm-rendered/istio-istioctl-manifest-generate/pilot_default.golden.yaml"], null),
        ("istio cni helm golden", ["helm-rendered/istio-istioctl-manifest-generate/istio-cni.golden.yaml"], null),
        ("istiod webhook helm golden", ["webhooks/istio/helm-golden-istiod-webhook-install.yaml"], null),
        ("crossplane usage webhook", ["webhooks/crossplane"], null),
    ];
}
