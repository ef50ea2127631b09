using K8sLandscape.Loading;

namespace K8sLandscape.Core.Tests.Loading;

/// <summary>
/// Files of other tools (kind, kubeconfig, Helm chart sources, kustomize) built at test time: each is
/// reported once at info with what to run, never loaded as an object and never an error.
/// </summary>
public class NonObjectDocumentTests
{
    private const string FakeToken = "kl-test-token-7f3a9c1e5b2d4086";
    private const string FakeServer = "https://10.99.88.77:6443";

    private static LoadResult LoadPaths(params string[] paths) => new ManifestLoader(new LoaderOptions { MaxParallelism = 1 }).Load(paths);

    private static LoadDiagnostic SingleInfo(LoadResult result)
    {
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(LoadDiagnosticCodes.NotAManifest, d.Code);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        return d;
    }

    [Fact]
    public void A_kind_cluster_config_is_one_info_and_no_object()
    {
        var result = LoaderTestExtensions.Load("""
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            networking:
              disableDefaultCNI: true
            nodes:
            - role: control-plane
            - role: worker
            """, "kind-config.yaml");

        Assert.Empty(result.Objects);
        var d = SingleInfo(result);
        Assert.Equal(1, d.Location.Line);
        Assert.Contains("kind cluster configuration", d.Message, StringComparison.Ordinal);
        Assert.Contains("kind create cluster --config", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Cluster_API_Cluster_is_still_an_object()
    {
        // Same kind name, but cluster.x-k8s.io is served by the Cluster API controllers.
        var result = LoaderTestExtensions.Load("""
            apiVersion: cluster.x-k8s.io/v1beta1
            kind: Cluster
            metadata: { name: workload-1, namespace: default }
            spec: { clusterNetwork: { pods: { cidrBlocks: [192.168.0.0/16] } } }
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("cluster.x-k8s.io/v1beta1/Cluster", Assert.Single(result.Objects).Gvk.ToString());
    }

    [Fact]
    public void A_kubeconfig_is_one_info_that_echoes_none_of_its_values()
    {
        using var tmp = new TempFolder();
        var path = tmp.File("admin.conf.yaml", $"""
            apiVersion: v1
            kind: Config
            current-context: kind-dev
            clusters:
            - name: kind-dev
              cluster:
                server: {FakeServer}
                certificate-authority-data: TFMwdExTMUNSVWRKVGlCRFJWSlVTVVpKUTBGVVJTMHRMUzB0
            users:
            - name: kind-dev-admin
              user:
                token: {FakeToken}
            contexts:
            - name: kind-dev
              context:
                cluster: kind-dev
                user: kind-dev-admin
            """);

        var result = LoadPaths(path);

        Assert.Empty(result.Objects);
        var d = SingleInfo(result);
        Assert.Contains("kubeconfig", d.Message, StringComparison.Ordinal);
        Assert.Contains("--cluster --kubeconfig", d.Message, StringComparison.Ordinal);
        foreach (var secret in new[] { FakeToken, FakeServer, "10.99.88.77", "kind-dev-admin", "TFMwdExTMUNS" })
        {
            Assert.DoesNotContain(secret, d.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_kubeconfig_without_kind_is_recognized_by_its_clusters_and_users()
    {
        var result = LoaderTestExtensions.Load($"""
            clusters:
            - name: c
              cluster:
                server: "{FakeServer}"
            users:
            - name: u
              user:
                token: {FakeToken}
            """);

        var d = SingleInfo(result);
        Assert.Contains("kubeconfig", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeToken, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ConfigMap_holding_a_kubeconfig_is_an_object()
    {
        var result = LoaderTestExtensions.Load("""
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: config, namespace: kube-public }
            data:
              kubeconfig: |
                apiVersion: v1
                kind: Config
                clusters: []
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("v1/ConfigMap", Assert.Single(result.Objects).Gvk.ToString());
    }

    [Fact]
    public void A_helm_chart_folder_is_one_info_at_Chart_yaml_and_only_its_crds_and_plain_templates_load()
    {
        using var tmp = new TempFolder();
        tmp.File("mychart/Chart.yaml", "apiVersion: v2\nname: mychart\nversion: 0.1.0\n");
        tmp.File("mychart/values.yaml", "replicaCount: 1\nimage:\n  repository: nginx\n");
        tmp.File("mychart/templates/deployment.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ include "mychart.fullname" . }}
            spec:
              replicas: {{ .Values.replicaCount }}
              template:
                spec:
                  containers:
                  {{- with .Values.image }}
                  - image: {{ .repository }}
                  {{- end }}
            """);
        tmp.File("mychart/templates/plain-configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: fixed }\n");
        tmp.File("mychart/crds/widgets.yaml", """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: { name: widgets.example.com }
            spec: { group: example.com, names: { kind: Widget, plural: widgets }, scope: Namespaced, versions: [] }
            """);

        var result = LoadPaths(tmp.Combine("mychart"));

        var d = SingleInfo(result);
        Assert.Equal(tmp.Combine("mychart/Chart.yaml"), d.Location.Path);
        Assert.Contains("Helm chart source", d.Message, StringComparison.Ordinal);
        Assert.Contains("Skipped 2 files", d.Message, StringComparison.Ordinal);
        Assert.Contains("templates/deployment.yaml", d.Message, StringComparison.Ordinal);
        Assert.Contains("values.yaml", d.Message, StringComparison.Ordinal);
        Assert.Contains($"helm template <release> {tmp.Combine("mychart")}", d.Message, StringComparison.Ordinal);
        Assert.Equal(["CustomResourceDefinition/widgets.example.com", "ConfigMap/fixed"], result.Objects.Select(o => $"{o.Kind}/{o.Name}"));
        Assert.Equal([tmp.Combine("mychart/crds/widgets.yaml"), tmp.Combine("mychart/templates/plain-configmap.yaml")], result.Sources);
    }

    [Fact]
    public void A_scan_of_a_charts_templates_folder_is_one_info_for_the_chart_above_it()
    {
        using var tmp = new TempFolder();
        tmp.File("c/Chart.yaml", "apiVersion: v2\nname: c\nversion: 0.1.0\n");
        tmp.File("c/templates/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-a\n");
        tmp.File("c/templates/b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-b\n");

        var result = LoadPaths(tmp.Combine("c/templates"));

        var d = SingleInfo(result);
        Assert.Equal((tmp.Combine("c"), 0), (d.Location.Path, d.Location.Line));
        Assert.Contains("Skipped 2 files that only 'helm template' turns into objects", d.Message, StringComparison.Ordinal);
        Assert.Contains("templates/a.yaml, templates/b.yaml", d.Message, StringComparison.Ordinal);
        Assert.Empty(result.Objects);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void A_template_named_on_its_own_is_one_info_not_a_syntax_error()
    {
        using var tmp = new TempFolder();
        tmp.File("chart/Chart.yaml", "apiVersion: v2\nname: chart\nversion: 1.0.0\n");
        var template = tmp.File("chart/templates/svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n");

        var d = SingleInfo(LoadPaths(template));

        Assert.Equal(template, d.Location.Path);
        Assert.Contains("Helm template", d.Message, StringComparison.Ordinal);
        Assert.Contains("helm template <release>", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_yaml_named_on_its_own_is_one_info()
    {
        var d = SingleInfo(LoaderTestExtensions.Load("apiVersion: v2\nname: web\nversion: 1.2.3\ndescription: a chart\n", "web/Chart.yaml"));

        Assert.Contains("Helm chart metadata", d.Message, StringComparison.Ordinal);
        Assert.Contains("helm template <release> web", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_templates_folder_without_Chart_yaml_loads_as_usual()
    {
        using var tmp = new TempFolder();
        tmp.File("deploy/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\n");
        tmp.File("deploy/values.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: b }\n");

        var result = LoadPaths(tmp.Combine("deploy"));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["a", "b"], result.Objects.Select(o => o.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_kustomize_folder_loads_its_resources_and_names_patches_inputs_and_unlisted_files_once()
    {
        using var tmp = new TempFolder();
        tmp.File("app/kustomization.yaml", """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
            - deployment.yaml
            - ./rbac/role.yaml
            patches:
            - path: replicas-patch.yaml
            - path: ops.yaml
              target: { kind: Deployment, name: web }
            configurations:
            - kustomizeconfig.yaml
            configMapGenerator:
            - name: settings
              files:
              - app.json=settings.json
            """);
        tmp.File("app/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\n");
        tmp.File("app/rbac/role.yaml", "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: { name: web }\n");
        // A strategic-merge patch is a partial object: loaded, it would be a second Deployment 'web'.
        tmp.File("app/replicas-patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec: { replicas: 3 }\n");
        tmp.File("app/ops.yaml", "- op: replace\n  path: /spec/replicas\n  value: 2\n");
        tmp.File("app/kustomizeconfig.yaml", "nameReference:\n- kind: ConfigMap\n  fieldSpecs: []\n");
        tmp.File("app/settings.json", "{\"color\": \"blue\"}");
        tmp.File("app/old-service.yaml", "apiVersion: v1\nkind: Service\nmetadata: { name: old }\n");

        var result = LoadPaths(tmp.Combine("app"));

        var d = SingleInfo(result);
        Assert.Equal((tmp.Combine("app/kustomization.yaml"), 1), (d.Location.Path, d.Location.Line));
        Assert.Contains("The 2 files it lists as resources are loaded as written", d.Message, StringComparison.Ordinal);
        Assert.Contains("Not objects, skipped: kustomizeconfig.yaml (kustomize input), ops.yaml (patch), replicas-patch.yaml (patch), settings.json (kustomize input).", d.Message, StringComparison.Ordinal);
        Assert.Contains("Not listed in it, skipped as kustomize ignores it: old-service.yaml.", d.Message, StringComparison.Ordinal);
        Assert.Contains($"kubectl kustomize {tmp.Combine("app")} | k8s-landscape analyze -", d.Message, StringComparison.Ordinal);
        Assert.Equal(["Deployment/web", "Role/web"], result.Objects.Select(o => $"{o.Kind}/{o.Name}"));
        Assert.Equal([tmp.Combine("app/deployment.yaml"), tmp.Combine("app/kustomization.yaml"), tmp.Combine("app/rbac/role.yaml")], result.Sources);
    }

    [Fact]
    public void A_subfolder_without_its_own_kustomization_loads_its_unlisted_files()
    {
        using var tmp = new TempFolder();
        tmp.File("base/kustomization.yaml", "resources:\n- a.yaml\n");
        tmp.File("base/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\n");
        tmp.File("base/extra/b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: b }\n");

        var result = LoadPaths(tmp.Combine("base"));

        var d = SingleInfo(result);
        Assert.DoesNotContain("skipped", d.Message, StringComparison.Ordinal);
        Assert.Equal(["a", "b"], result.Objects.Select(o => o.Name));
    }

    [Fact]
    public void A_patch_named_on_its_own_is_skipped_with_a_note_and_an_unlisted_file_named_on_its_own_loads()
    {
        using var tmp = new TempFolder();
        tmp.File("overlay/kustomization.yaml", "resources:\n- ../base\npatchesStrategicMerge:\n- patch.yaml\n");
        var patch = tmp.File("overlay/patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec: { replicas: 3 }\n");
        var other = tmp.File("overlay/other.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: other }\n");

        var patchResult = LoadPaths(patch);
        var otherResult = LoadPaths(other);

        Assert.Empty(patchResult.Objects);
        var d = SingleInfo(patchResult);
        Assert.Equal(patch, d.Location.Path);
        Assert.StartsWith($"a patch listed by {tmp.Combine("overlay/kustomization.yaml")}", d.Message, StringComparison.Ordinal);
        Assert.Empty(otherResult.Diagnostics);
        Assert.Equal("other", Assert.Single(otherResult.Objects).Name);
    }

    [Fact]
    public void A_kustomization_that_does_not_parse_governs_nothing()
    {
        using var tmp = new TempFolder();
        tmp.File("app/kustomization.yaml", "resources:\n- a.yaml\n  - : [\n");
        tmp.File("app/b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: b }\n");

        var result = LoadPaths(tmp.Combine("app"));

        Assert.Equal("b", Assert.Single(result.Objects).Name);
        Assert.Equal(LoadDiagnosticCodes.InvalidSyntax, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void A_json_patch_alone_is_one_info()
    {
        var d = SingleInfo(LoaderTestExtensions.Load("- op: replace\n  path: /metadata/name\n  value: x\n- op: remove\n  path: /spec/foo\n"));

        Assert.Contains("JSON patch", d.Message, StringComparison.Ordinal);
        Assert.Equal(1, d.Location.Line);
    }

    [Fact]
    public void A_document_with_metadata_but_no_type_is_a_warning_and_plain_data_is_an_info()
    {
        var broken = Assert.Single(LoaderTestExtensions.Load("metadata:\n  name: web\nspec:\n  replicas: 2\n").Diagnostics);
        var values = Assert.Single(LoaderTestExtensions.Load("replicaCount: 2\nimage:\n  tag: v1\n").Diagnostics);
        var records = Assert.Single(LoaderTestExtensions.Load("- metadata: { name: a }\n- metadata: { name: b }\n").Diagnostics);

        Assert.Equal((LoadDiagnosticCodes.NotAManifest, DiagnosticSeverity.Warning), (broken.Code, broken.Severity));
        Assert.Contains("an object with its type missing", broken.Message, StringComparison.Ordinal);
        Assert.Equal((LoadDiagnosticCodes.NotAManifest, DiagnosticSeverity.Info), (values.Code, values.Severity));
        Assert.Equal((LoadDiagnosticCodes.NotAManifest, DiagnosticSeverity.Warning), (records.Code, records.Severity));
    }

    [Fact]
    public void The_tools_own_configuration_file_in_a_scanned_folder_is_one_info()
    {
        var d = SingleInfo(LoaderTestExtensions.Load("rules:\n  KL0012: { severity: warning }\nexclude:\n  paths: [charts/**]\n", "repo/.k8s-landscape.yaml"));

        Assert.StartsWith("k8s-landscape configuration", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kubeadm_configuration_is_one_info()
    {
        var d = SingleInfo(LoaderTestExtensions.Load("apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.244.0.0/16\n"));

        Assert.Contains("kubeadm configuration", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Install_time_placeholders_are_ordinary_values()
    {
        var result = LoaderTestExtensions.Load("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: ctl, namespace: "${NAMESPACE}" }
            spec:
              template:
                spec:
                  nodeSelector: { kubernetes.io/arch: "$ARCH" }
                  containers:
                  - name: ctl
                    image: ko://github.com/example/cmd/controller
                    args:
                    - --arch=$ARCH
                    - --ns=${NAMESPACE}
            """);

        Assert.Empty(result.Diagnostics);
        var o = Assert.Single(result.Objects);
        Assert.Equal("$ARCH", o.GetString("spec.template.spec.nodeSelector[kubernetes.io/arch]"));
        Assert.Equal("ko://github.com/example/cmd/controller", o.GetString("spec.template.spec.containers[0].image"));
        Assert.Equal("--ns=${NAMESPACE}", o.GetString("spec.template.spec.containers[0].args[1]"));
        Assert.Equal("${NAMESPACE}", o.Namespace);
    }
}
