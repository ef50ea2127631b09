using System.Text.Json;
using K8sLandscape.Loading;
using K8sLandscape.TestSupport;
using k8s.Models;

namespace K8sLandscape.Core.Tests.Loading;

/// <summary>
/// The loader on real upstream manifests (../shared/corpus, by path). Every expected count here was
/// established without our loader: 'grep -c ^kind:' and PyYAML (BaseLoader, Lists and JSON arrays
/// flattened) over the same files; lines with 'grep -n'.
/// </summary>
public class CorpusLoadingTests
{
    private static readonly Lazy<LoadResult> Whole = new(() => new ManifestLoader().Load(Corpus.Folder!));

    private static LoadResult LoadWholeCorpus()
    {
        Corpus.Require();
        return Whole.Value;
    }

    private static LoadResult LoadFile(string relative) => new ManifestLoader().Load(Corpus.Require(relative));

    private static Dictionary<string, int> Counts(LoadResult result) =>
        result.CountByKind().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    [SkippableFact]
    public void The_whole_corpus_loads_with_exactly_the_known_diagnostics()
    {
        var result = LoadWholeCorpus();
        var root = Corpus.Folder!.Replace('\\', '/').TrimEnd('/') + "/";

        var actual = result.Diagnostics
            .Select(d => (File: d.Location.Path.Replace('\\', '/').Replace(root, string.Empty, StringComparison.Ordinal), d.Code))
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ToArray();

        (string File, string Code)[] expected =
        [
            // A discovery-like array of group records without 'kind' (kyverno CLI test data).
            ("builtin-api/kyverno-cli-api-group-resources.json", LoadDiagnosticCodes.NotAManifest),
            // Calico's install-time __CNI_MTU__ placeholder is an unquoted JSON value.
            ("cni/extracted-from-configmaps/calico__calico__calico-config__cni_network_config.conflist", LoadDiagnosticCodes.InvalidSyntax),
            ("cni/extracted-from-configmaps/calico__canal__canal-config__cni_network_config.conflist", LoadDiagnosticCodes.InvalidSyntax),
            // A Docker plugin manifest, not a CNI or Kubernetes document.
            ("cni/weave/net-plugin-config.json", LoadDiagnosticCodes.NotAManifest),
            ("csi/aws-ebs-csi-driver/deploy-base/kustomization.yaml", LoadDiagnosticCodes.NotAManifest),
            // The upstream Pod really lacks apiVersion.
            ("device-plugins/dra-example-driver/examples/device-taints-tolerations/device-taint-pod-noschedule/4-pod-not-scheduled.yaml", LoadDiagnosticCodes.MissingTypeInformation),
            ("device-plugins/nvidia-gpu-operator/samples/kustomization.yaml", LoadDiagnosticCodes.NotAManifest),
            ("installs/external-dns/kustomization.yaml", LoadDiagnosticCodes.NotAManifest),
            ("installs/flux-helm-operator/kustomization.yaml", LoadDiagnosticCodes.NotAManifest),
            ("installs/kube-state-metrics/kustomization.yaml", LoadDiagnosticCodes.NotAManifest),
            // OLM bundle metadata; the bundle's objects are in manifests/.
            ("installs/opentelemetry-operator/metadata/annotations.yaml", LoadDiagnosticCodes.NotAManifest),
            // One note per kustomization; the webhook's patch.yaml and kustomizeconfig.yaml are named in its note, not read.
            ("installs/training-operator/manifests/base/crds/kustomization.yaml", LoadDiagnosticCodes.NotAManifest),
            ("installs/training-operator/manifests/base/kustomization.yaml", LoadDiagnosticCodes.NotAManifest),
            ("installs/training-operator/manifests/base/webhook/kustomization.yaml", LoadDiagnosticCodes.NotAManifest),
            ("installs/training-operator/manifests/overlays/standalone/kustomization.yaml", LoadDiagnosticCodes.NotAManifest),
        ];
        Assert.Equal(expected, actual);

        // Every document that is not an object is an info: none of them looks like a broken object.
        Assert.All(result.Diagnostics.Where(d => d.Code == LoadDiagnosticCodes.NotAManifest), d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.Equal(11, result.Diagnostics.Single(d => d.Location.Path.EndsWith("calico__calico__calico-config__cni_network_config.conflist", StringComparison.Ordinal)).Location.Line);
        Assert.Equal(2, result.Diagnostics.Single(d => d.Code == LoadDiagnosticCodes.MissingTypeInformation).Location.Line);
    }

    [SkippableFact]
    public void The_whole_corpus_yields_every_file_as_a_source_and_objects_in_input_order()
    {
        var result = LoadWholeCorpus();

        // 509: of the 517 files (find -type f), the two README.md, SOURCES.tsv, the derived .tsv and
        // windows-cni.conf.template do not have a loadable extension, and kustomizations skip three
        // without reading them: aws-ebs-csi-driver/deploy-base/node-windows.yaml (not listed) and
        // training-operator's webhook patch.yaml and kustomizeconfig.yaml.
        Assert.Equal(509, result.Sources.Count);
        Assert.True(result.Objects.Count > 900);
        Assert.Equal(result.Sources.Order(StringComparer.Ordinal), result.Sources);
    }

    [SkippableFact]
    public void Calico_manifest_counts_and_helm_sources()
    {
        var result = LoadFile("cni/calico/calico.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new Dictionary<string, int>
        {
            ["apiextensions.k8s.io/v1/CustomResourceDefinition"] = 24,
            ["apps/v1/DaemonSet"] = 1,
            ["apps/v1/Deployment"] = 1,
            ["policy/v1/PodDisruptionBudget"] = 1,
            ["rbac.authorization.k8s.io/v1/ClusterRole"] = 4,
            ["rbac.authorization.k8s.io/v1/ClusterRoleBinding"] = 4,
            ["v1/ConfigMap"] = 1,
            ["v1/ServiceAccount"] = 3,
        }, Counts(result));

        // Every document follows a '# Source:' comment (39 of them, one per object).
        Assert.All(result.Objects, o => Assert.StartsWith("calico/templates/", o.HelmSource, StringComparison.Ordinal));
        Assert.Equal(24, result.Objects.Count(o => o.HelmSource == "calico/templates/kdd-crds.yaml"));
        Assert.Equal("calico/templates/calico-node.yaml", result.Objects.Single(o => o.Kind == "DaemonSet").HelmSource);
        Assert.Equal("calico/templates/calico-config.yaml", result.Objects.Single(o => o.Kind == "ConfigMap").HelmSource);
    }

    [SkippableFact]
    public void Cilium_quick_install_counts_and_helm_sources()
    {
        var result = LoadFile("cni/cilium/quick-install-v1.7.3.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new Dictionary<string, int>
        {
            ["apps/v1/DaemonSet"] = 1,
            ["apps/v1/Deployment"] = 1,
            ["rbac.authorization.k8s.io/v1/ClusterRole"] = 2,
            ["rbac.authorization.k8s.io/v1/ClusterRoleBinding"] = 2,
            ["v1/ConfigMap"] = 1,
            ["v1/ServiceAccount"] = 2,
        }, Counts(result));
        Assert.Equal("cilium/charts/agent/templates/daemonset.yaml", result.Objects.Single(o => o.Kind == "DaemonSet").HelmSource);
        Assert.Equal("cilium/charts/operator/templates/deployment.yaml", result.Objects.Single(o => o.Kind == "Deployment").HelmSource);
    }

    [SkippableFact]
    public void Flannel_manifest_counts()
    {
        var result = LoadFile("cni/flannel/kube-flannel.yml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new Dictionary<string, int>
        {
            ["apps/v1/DaemonSet"] = 1,
            ["rbac.authorization.k8s.io/v1/ClusterRole"] = 1,
            ["rbac.authorization.k8s.io/v1/ClusterRoleBinding"] = 1,
            ["v1/ConfigMap"] = 1,
            ["v1/Namespace"] = 1,
            ["v1/ServiceAccount"] = 1,
        }, Counts(result));
        Assert.All(result.Objects, o => Assert.Null(o.HelmSource));
    }

    [SkippableFact]
    public void Weave_kind_List_is_flattened()
    {
        var result = LoadFile("cni/weave/weave-daemonset-k8s-1.11.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new Dictionary<string, int>
        {
            ["apps/v1/DaemonSet"] = 1,
            ["rbac.authorization.k8s.io/v1/ClusterRole"] = 1,
            ["rbac.authorization.k8s.io/v1/ClusterRoleBinding"] = 1,
            ["rbac.authorization.k8s.io/v1/Role"] = 1,
            ["rbac.authorization.k8s.io/v1/RoleBinding"] = 1,
            ["v1/ServiceAccount"] = 1,
        }, Counts(result));
        Assert.DoesNotContain(result.Objects, o => o.Kind == "List");
    }

    [SkippableFact]
    public void Istio_rendered_output_counts()
    {
        // istioctl's golden output carries no '# Source:' comments (checked with grep), so no HelmSource.
        var result = LoadFile("helm-rendered/istio-istioctl-manifest-generate/pilot_default.golden.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new Dictionary<string, int>
        {
            ["admissionregistration.k8s.io/v1/MutatingWebhookConfiguration"] = 1,
            ["admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration"] = 1,
            ["apps/v1/Deployment"] = 1,
            ["autoscaling/v2/HorizontalPodAutoscaler"] = 1,
            ["rbac.authorization.k8s.io/v1/ClusterRole"] = 3,
            ["rbac.authorization.k8s.io/v1/ClusterRoleBinding"] = 3,
            ["rbac.authorization.k8s.io/v1/Role"] = 1,
            ["rbac.authorization.k8s.io/v1/RoleBinding"] = 1,
            ["v1/ConfigMap"] = 3,
            ["v1/Service"] = 1,
            ["v1/ServiceAccount"] = 1,
        }, Counts(result));
        Assert.All(result.Objects, o => Assert.Null(o.HelmSource));
    }

    [SkippableFact]
    public void Cluster_dump_json_arrays_are_flattened()
    {
        var daemonSets = LoadFile("cluster-dumps/sonobuoy-testdata-kind-2019/resources/ns/kube-system/extensions_v1beta1_daemonsets.json");
        var pods = LoadFile("cluster-dumps/sonobuoy-testdata-healthsummary-kind/resources/ns/kube-system/core_v1_pods.json");
        var nodes = LoadFile("cluster-dumps/sonobuoy-testdata-kind-2019/resources/cluster/core_v1_nodes.json");

        Assert.Empty(daemonSets.Diagnostics.Concat(pods.Diagnostics).Concat(nodes.Diagnostics));
        Assert.Equal(new Dictionary<string, int> { ["extensions/v1beta1/DaemonSet"] = 6 }, Counts(daemonSets));
        Assert.Equal(new Dictionary<string, int> { ["v1/Pod"] = 14 }, Counts(pods));
        Assert.Equal(new Dictionary<string, int> { ["v1/Node"] = 1 }, Counts(nodes));
        Assert.All(pods.Objects, p => Assert.Equal("kube-system", p.Namespace));
    }

    [SkippableFact]
    public void Istio_crd_bundle_counts()
    {
        var result = LoadFile("operators/istio/crds/crd-all.gen.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new Dictionary<string, int> { ["apiextensions.k8s.io/v1/CustomResourceDefinition"] = 15 }, Counts(result));
    }

    [SkippableFact]
    public void Prometheus_operator_crd_keeps_the_equals_sign_scalar_as_a_string()
    {
        // PyYAML's SafeLoader rejects the plain scalar '=' (YAML 1.1 'value' type); kubectl reads it as a string.
        var result = LoadFile("operators/prometheus-operator/crds/monitoring.coreos.com_alertmanagerconfigs.yaml");

        Assert.Empty(result.Diagnostics);
        var crd = Assert.Single(result.Objects);
        Assert.Equal("apiextensions.k8s.io/v1/CustomResourceDefinition", crd.Gvk.ToString());
        var enums = AllEnums(crd.Body).ToList();
        Assert.Contains(enums, e => e.Contains("=") && e.Contains("=~") && e.Contains("!="));
        Assert.NotNull(crd.As<V1CustomResourceDefinition>().Spec.Versions[0].Schema.OpenAPIV3Schema);
    }

    [SkippableFact]
    public void Containerd_and_crio_configs_get_their_synthetic_kinds()
    {
        var containerd = new ManifestLoader().Load(Corpus.Require("cri/containerd"));
        var crio = new ManifestLoader().Load([Corpus.Require("cri/cri-o/crio.conf.d"), Corpus.Require("cri/cri-o/crio.conf-v1.17.0-testdata.toml"), Corpus.Require("cri/cri-o/crictl.yaml")]);

        Assert.Empty(containerd.Diagnostics.Concat(crio.Diagnostics));
        Assert.Equal(new Dictionary<string, int> { ["config.k8slandscape.io/v1/ContainerdConfig"] = 5 }, Counts(containerd));
        Assert.Equal(new Dictionary<string, int>
        {
            ["config.k8slandscape.io/v1/CrictlConfig"] = 1,
            ["config.k8slandscape.io/v1/CrioConfig"] = 4,
        }, Counts(crio));
        Assert.All(containerd.Objects.Concat(crio.Objects), o => Assert.Equal(DocumentClass.NodeConfiguration, o.DocumentClass));
        Assert.Equal(["50-runc-default.conf", "50-runc.conf", "kata-runtime-from-kata-docs.extracted.conf", "crio.conf-v1.17.0-testdata.toml", "crictl.yaml"], crio.Objects.Select(o => o.Name));
    }

    [SkippableFact]
    public void Cni_configs_are_CniNetworkConfig_named_by_their_name_field()
    {
        var result = new ManifestLoader().Load([
            Corpus.Require("cni/cri-o-contrib"),
            Corpus.Require("cni/cilium/04-flannel-cilium-cni.conflist"),
            Corpus.Require("cni/cilium/05-cilium-cni.conf"),
            Corpus.Require("cni/extracted-from-configmaps/flannel__kube-flannel__kube-flannel-cfg__cni-conf.conflist"),
            Corpus.Require("cni/containernetworking-plugins/basic-ptp.json"),
        ]);

        Assert.Empty(result.Diagnostics);
        Assert.All(result.Objects, o => Assert.Equal("config.k8slandscape.io/v1/CniNetworkConfig", o.Gvk.ToString()));
        Assert.Equal(["crio", "crio", "loopback", "cbr0", "cilium", "cbr0", "basic-ptp"], result.Objects.Select(o => o.Name));
        Assert.Equal("bridge", result.Objects[0].GetString("plugins[0].type"));
    }

    [SkippableFact]
    public void All_cni_configs_in_the_corpus_are_found()
    {
        // 16 = the JSON files under cni/ that are CNI configurations, counted with Python's json module.
        Assert.Equal(16, LoadWholeCorpus().Objects.Count(o => o.Kind == ConfigKinds.CniConfig));
    }

    [SkippableFact]
    public void Field_paths_on_a_real_crd_point_at_their_lines()
    {
        var crd = Assert.Single(LoadFile("operators/cert-manager/crds/cert-manager.io_certificates.yaml").Objects);

        // grep -n over the file: group 9, names 10, kind 13, shortNames 16 (cert 17, certs 18), versions 21.
        Assert.Equal(9, crd.LocationOf("spec.group").Line);
        Assert.Equal(10, crd.LocationOf("spec.names").Line);
        Assert.Equal(13, crd.LocationOf("spec.names.kind").Line);
        Assert.Equal(16, crd.LocationOf("spec.names.shortNames").Line);
        Assert.Equal(17, crd.LocationOf("spec.names.shortNames[0]").Line);
        Assert.Equal(18, crd.LocationOf("spec.names.shortNames[1]").Line);
        Assert.Equal(21, crd.LocationOf("spec.versions").Line);
        Assert.Equal(["cert", "certs"], crd.As<V1CustomResourceDefinition>().Spec.Names.ShortNames);
    }

    [SkippableFact]
    public void Every_crd_in_the_corpus_converts_to_the_typed_model()
    {
        var crds = LoadWholeCorpus().Objects.Where(o => o.Kind == "CustomResourceDefinition").ToList();

        // PyYAML counts 413 CRD documents over the corpus (installs/ included) and cannot construct one
        // more: monitoring.coreos.com_alertmanagerconfigs.yaml, whose '=' scalar it reads as the YAML 1.1
        // value tag, while go-yaml (and kubectl) read a string. 413 + 1.
        Assert.Equal(414, crds.Count);
        var failures = new List<string>();
        foreach (var o in crds)
        {
            if (!o.TryAs<V1CustomResourceDefinition>(out var crd, out var error))
            {
                failures.Add($"{o.Location}: {error}");
                continue;
            }

            if (crd.Spec?.Names?.Plural is not { Length: > 0 } || crd.Spec.Versions is not { Count: > 0 }) failures.Add($"{o.Location}: names or versions missing");
        }

        Assert.Empty(failures);
    }

    private static IEnumerable<HashSet<string>> AllEnums(JsonElement e)
    {
        var stack = new Stack<JsonElement>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in current.EnumerateObject())
                {
                    if (p.NameEquals("enum") && p.Value.ValueKind == JsonValueKind.Array)
                    {
                        yield return p.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToHashSet(StringComparer.Ordinal);
                    }

                    stack.Push(p.Value);
                }
            }
            else if (current.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in current.EnumerateArray()) stack.Push(item);
            }
        }
    }
}
