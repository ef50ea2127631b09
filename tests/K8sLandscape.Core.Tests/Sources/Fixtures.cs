using K8sLandscape.Loading;

namespace K8sLandscape.Core.Tests.Sources;

/// <summary>A small hand-built cluster: a few objects of several kinds, enough for two or three pages each.</summary>
internal static class Fixtures
{
    public static IReadOnlyList<KubeObject> SmallCluster()
    {
        var list = new List<KubeObject>
        {
            Obj("v1", "Node", null, "node-a", """ "status": { "allocatable": { "nvidia.com/gpu": "4" } } """),
            Obj("v1", "Node", null, "node-b"),
            Obj("v1", "Namespace", null, "kube-system"),
            Obj("v1", "Namespace", null, "team-a"),
            Obj("v1", "ConfigMap", "kube-system", "calico-config", """ "data": { "cni_network_config": "{\n  \"name\": \"k8s-pod-network\",\n  \"cniVersion\": \"0.3.1\"\n}\n", "typha_service_name": "none" } """),
            Obj("v1", "ConfigMap", "team-a", "app-settings", """ "data": { "a": "1" } """),
            Obj("v1", "Secret", "team-a", "sh.helm.release.v1.web.v3", """ "type": "helm.sh/release.v1", "data": { "release": "SECRET-PAYLOAD" } """, """ "owner": "helm", "name": "web", "status": "deployed", "version": "3" """),
            Obj("v1", "Secret", "team-a", "db-password", """ "data": { "password": "aHVudGVyMg==" } """),
            Obj("v1", "Secret", "kube-system", "bootstrap-token-abc", """ "data": { "token": "c2VjcmV0" } """),
            Obj("apps/v1", "DaemonSet", "kube-system", "calico-node", """ "spec": { "template": { "spec": { "containers": [ { "name": "calico-node", "image": "docker.io/calico/node:v3.27.0" } ] } } } """),
            Obj("apps/v1", "Deployment", "team-a", "web", """ "spec": { "replicas": 3, "template": { "spec": { "containers": [ { "name": "web", "image": "nginx:1.27" } ] } } } """),
            Obj("apps/v1", "Deployment", "team-a", "api"),
            Obj("apps/v1", "Deployment", "kube-system", "coredns"),
            Obj("apps/v1", "Deployment", "team-a", "worker"),
            Obj("apps/v1", "Deployment", "team-a", "cron-ui"),
            Obj("storage.k8s.io/v1", "StorageClass", null, "standard", """ "provisioner": "ebs.csi.aws.com" """),
            Obj("storage.k8s.io/v1", "CSIDriver", null, "ebs.csi.aws.com"),
            Obj("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, "ippools.crd.projectcalico.org"),
            Obj("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration", null, "istio-sidecar-injector"),
        };
        return list;
    }

    public static KubeObject Obj(string apiVersion, string kind, string? ns, string name, string? rest = null, string? labels = null)
    {
        var nsPart = ns is null ? string.Empty : $", \"namespace\": \"{ns}\"";
        var labelPart = labels is null ? string.Empty : $", \"labels\": {{ {labels} }}";
        var restPart = rest is null ? string.Empty : ", " + rest;
        return KubeObject.FromJson($$"""{ "apiVersion": "{{apiVersion}}", "kind": "{{kind}}", "metadata": { "name": "{{name}}"{{nsPart}}{{labelPart}} }{{restPart}} }""");
    }
}
