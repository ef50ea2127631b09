using K8sLandscape.Core.Tests.Model.Api;
using K8sLandscape.Model.Lifecycle;

namespace K8sLandscape.Core.Tests.Model.Lifecycle;

public class InstallationTests
{
    private static string Deployment(string name, string ns, string image, string? args = null, string labels = "", string annotations = "", string kind = "Deployment") => $"""
        ---
        apiVersion: apps/v1
        kind: {kind}
        metadata:
          name: {name}
          namespace: {ns}
          labels: {(labels.Length == 0 ? "{}" : labels)}
          annotations: {(annotations.Length == 0 ? "{}" : annotations)}
        spec:
          template:
            spec:
              containers:
                - name: main
                  image: {image}
                  args: {args ?? "[]"}

        """;

    [Fact]
    public void One_binary_in_two_roles_is_one_installation_with_two_roles()
    {
        // Gatekeeper runs its webhook server and its audit process from one image, told apart by --operation.
        var landscape = CorpusLandscape.FromYaml(
            Deployment("gatekeeper-controller-manager", "gatekeeper-system", "openpolicyagent/gatekeeper:v3.17.0", "[--operation=webhook, --operation=mutation-webhook, --port=8443]")
            + Deployment("gatekeeper-audit", "gatekeeper-system", "openpolicyagent/gatekeeper:v3.17.0", "[--operation=audit, --operation=status]"));

        var install = Assert.Single(landscape.Lifecycle.InstallationsOf("gatekeeper"));
        Assert.Equal("gatekeeper-system", install.Namespace);
        Assert.Equal(
            ["controller:openpolicyagent/gatekeeper --operation=audit,status", "controller:openpolicyagent/gatekeeper --operation=mutation-webhook,webhook"],
            install.Roles);
        Assert.Empty(install.RepeatedRoles);
    }

    [Fact]
    public void The_same_role_in_two_helm_releases_is_two_installations()
    {
        var release = (string name) => $"{{meta.helm.sh/release-name: {name}, meta.helm.sh/release-namespace: certs}}";
        var landscape = CorpusLandscape.FromYaml(
            Deployment("cm-a", "certs", "quay.io/jetstack/cert-manager-controller:v1.15.0", annotations: release("a"))
            + Deployment("cm-a-webhook", "certs", "quay.io/jetstack/cert-manager-webhook:v1.15.0", annotations: release("a"))
            + Deployment("cm-b", "certs", "quay.io/jetstack/cert-manager-controller:v1.16.0", annotations: release("b")));

        var installs = landscape.Lifecycle.InstallationsOf("cert-manager").ToArray();
        Assert.Equal([("a", "helm-release", 2), ("b", "helm-release", 1)], installs.Select(i => (i.Instance, i.InstanceSource, i.Workloads.Count)));
        Assert.All(installs, i => Assert.Equal("certs", i.Namespace));
    }

    [Fact]
    public void Per_workload_instance_labels_do_not_split_an_installation_whose_roles_are_distinct()
    {
        var landscape = CorpusLandscape.FromYaml(
            Deployment("cert-manager", "cert-manager", "quay.io/jetstack/cert-manager-controller:v1.15.0", labels: "{app.kubernetes.io/instance: controller}")
            + Deployment("cert-manager-cainjector", "cert-manager", "quay.io/jetstack/cert-manager-cainjector:v1.15.0", labels: "{app.kubernetes.io/instance: cainjector}"));

        var install = Assert.Single(landscape.Lifecycle.InstallationsOf("cert-manager"));
        Assert.Null(install.Instance);
        Assert.Equal(2, install.Roles.Count);
    }

    [Fact]
    public void A_role_running_twice_in_one_namespace_is_a_repeated_role()
    {
        var landscape = CorpusLandscape.FromYaml(
            Deployment("cert-manager", "cert-manager", "quay.io/jetstack/cert-manager-controller:v1.15.0")
            + Deployment("cert-manager-old", "cert-manager", "quay.io/jetstack/cert-manager-controller:v1.12.0"));

        var install = Assert.Single(landscape.Lifecycle.InstallationsOf("cert-manager"));
        Assert.Equal(["cert-manager", "cert-manager-old"], install.RepeatedRoles.Select(w => w.Workload.Object.Name));
    }

    [Fact]
    public void A_node_agent_carrying_the_controller_image_only_in_an_init_container_has_its_own_role()
    {
        var landscape = CorpusLandscape.FromYaml(Deployment("cert-manager", "cert-manager", "quay.io/jetstack/cert-manager-controller:v1.15.0") + """
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: node-helper, namespace: cert-manager}
            spec:
              template:
                metadata: {labels: {app.kubernetes.io/name: cert-manager}}
                spec:
                  initContainers:
                    - {name: copy, image: "quay.io/jetstack/cert-manager-controller:v1.15.0"}
                  containers:
                    - {name: agent, image: "busybox:1.36"}
            """);

        var install = Assert.Single(landscape.Lifecycle.InstallationsOf("cert-manager"));
        Assert.Equal(
            ["controller:jetstack/cert-manager-controller", "node-agent:jetstack/cert-manager-controller:init"],
            install.Workloads.Select(w => w.Role.Replace("quay.io/", string.Empty, StringComparison.Ordinal)));
        Assert.Empty(install.RepeatedRoles);
    }

    [Fact]
    public void Pods_of_a_controller_in_the_input_are_not_workloads_of_the_installation()
    {
        var landscape = CorpusLandscape.FromYaml(Deployment("cert-manager", "cert-manager", "quay.io/jetstack/cert-manager-controller:v1.15.0") + """
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: cert-manager-abc
              namespace: cert-manager
              ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: cert-manager, controller: true, uid: "1"}]
            spec:
              containers: [{name: main, image: "quay.io/jetstack/cert-manager-controller:v1.15.0"}]
            """);

        var install = Assert.Single(landscape.Lifecycle.InstallationsOf("cert-manager"));
        Assert.Equal(["Deployment"], install.Workloads.Select(w => w.Workload.Object.Kind));
    }

    [SkippableFact]
    public void Kong_controller_and_proxy_are_two_roles_of_one_installation()
    {
        var landscape = CorpusLandscape.Load("installs/kong-ingress");

        var install = Assert.Single(landscape.Lifecycle.InstallationsOf("kong"));
        Assert.Equal("kong", install.Namespace);

        // all-in-one-dbless.yaml: ingress-kong runs kong/kubernetes-ingress-controller, proxy-kong runs kong.
        Assert.Equal(
            [("ingress-kong", "controller:kong/kubernetes-ingress-controller"), ("proxy-kong", "controller:kong")],
            install.Workloads.Select(w => (w.Workload.Object.Name, w.Role.Replace("docker.io/", string.Empty, StringComparison.Ordinal))));
    }
}
