using K8sLandscape.Loading;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Core.Tests.Loading;

/// <summary>
/// Documents that are not cluster objects on real upstream installs (../shared/corpus/installs):
/// kustomize sources, OLM bundle metadata. Object counts come from 'grep -c ^kind:' over the files
/// each kustomization lists.
/// </summary>
public class NonObjectCorpusTests
{
    private static LoadResult LoadCorpus(string relative) => new ManifestLoader().Load(Corpus.Require(relative));

    private static string Tail(string path) => path.Replace('\\', '/')[(Corpus.Folder!.Replace('\\', '/').TrimEnd('/').Length + 1)..];

    [SkippableFact]
    public void Every_install_reports_its_non_object_files_at_info_only()
    {
        var installs = Corpus.Require("installs");
        var problems = new List<string>();
        foreach (var folder in Directory.GetDirectories(installs).Order(StringComparer.Ordinal))
        {
            var result = new ManifestLoader().Load(folder);
            problems.AddRange(result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).Select(d => d.ToString()));
        }

        Assert.Empty(problems);
    }

    [SkippableFact]
    public void Training_operator_kustomize_sources_skip_the_webhook_patch_and_its_kustomize_config()
    {
        var result = LoadCorpus("installs/training-operator");

        Assert.All(result.Diagnostics, d => Assert.Equal((LoadDiagnosticCodes.NotAManifest, DiagnosticSeverity.Info), (d.Code, d.Severity)));
        // One note per kustomization (base, base/crds, base/webhook, overlays/standalone).
        Assert.Equal(
            ["installs/training-operator/manifests/base/crds/kustomization.yaml", "installs/training-operator/manifests/base/kustomization.yaml", "installs/training-operator/manifests/base/webhook/kustomization.yaml", "installs/training-operator/manifests/overlays/standalone/kustomization.yaml"],
            result.Diagnostics.Select(d => Tail(d.Location.Path)));
        var webhook = result.Diagnostics[2].Message;
        Assert.Contains("The 1 file it lists as resources is loaded as written", webhook, StringComparison.Ordinal);
        Assert.Contains("Not objects, skipped: kustomizeconfig.yaml (kustomize input), patch.yaml (patch).", webhook, StringComparison.Ordinal);
        Assert.Contains("kubectl kustomize ", webhook, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Sources, s => s.EndsWith("/webhook/patch.yaml", StringComparison.Ordinal) || s.EndsWith("/kustomizeconfig.yaml", StringComparison.Ordinal));

        // 6 CRDs, ClusterRole, ClusterRoleBinding, ServiceAccount, Service, Deployment, the webhook, the Namespace.
        Assert.Equal(13, result.Objects.Count);
        Assert.Equal(6, result.Objects.Count(o => o.Kind == "CustomResourceDefinition"));
        Assert.Single(result.Objects, o => o.Kind == "ValidatingWebhookConfiguration");
    }

    [SkippableFact]
    public void Training_operator_webhook_patch_named_on_its_own_is_a_note_not_a_warning()
    {
        var result = LoadCorpus("installs/training-operator/manifests/base/webhook/patch.yaml");

        Assert.Empty(result.Objects);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((LoadDiagnosticCodes.NotAManifest, DiagnosticSeverity.Info), (d.Code, d.Severity));
        Assert.StartsWith("a patch listed by ", d.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Training_operator_kustomizeconfig_read_on_its_own_is_recognized_by_content()
    {
        // Copied to a folder without a kustomization, only its content says what it is.
        var text = File.ReadAllText(Corpus.Require("installs/training-operator/manifests/base/webhook/kustomizeconfig.yaml"));
        var d = Assert.Single(LoaderTestExtensions.Load(text, "kustomizeconfig.yaml").Diagnostics);

        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Contains("kustomize transformer configuration", d.Message, StringComparison.Ordinal);
        Assert.Equal(3, d.Location.Line); // after two comment lines
    }

    [SkippableFact]
    public void OpenTelemetry_bundle_metadata_is_one_info_and_the_manifests_load()
    {
        var result = LoadCorpus("installs/opentelemetry-operator");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((LoadDiagnosticCodes.NotAManifest, DiagnosticSeverity.Info), (d.Code, d.Severity));
        Assert.Equal("installs/opentelemetry-operator/metadata/annotations.yaml", Tail(d.Location.Path));
        Assert.StartsWith("OLM bundle metadata", d.Message, StringComparison.Ordinal);
        // ls manifests/: 8 files, one object each (4 CRDs, the CSV, 2 Services, a ClusterRole).
        Assert.Equal(8, result.Objects.Count);
        Assert.Single(result.Objects, o => o.Kind == "ClusterServiceVersion");
    }

    [SkippableFact]
    public void External_dns_kustomize_base_loads_its_four_resources_and_skips_nothing()
    {
        var result = LoadCorpus("installs/external-dns");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Contains("The 4 files it lists as resources are loaded as written", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("skipped", d.Message, StringComparison.Ordinal);
        Assert.Equal(["ClusterRole", "ClusterRoleBinding", "Deployment", "ServiceAccount"], result.Objects.Select(o => o.Kind).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public void Flux_helm_operator_kustomization_without_apiVersion_still_governs_its_folder()
    {
        var result = LoadCorpus("installs/flux-helm-operator");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Contains("The 4 files it lists as resources are loaded as written", d.Message, StringComparison.Ordinal);
        // grep -c '^kind:' namespace.yaml crds.yaml rbac.yaml deployment.yaml: 1 + 1 + 3 + 1.
        Assert.Equal(6, result.Objects.Count);
        Assert.Single(result.Objects, o => o.Kind == "CustomResourceDefinition" && o.Name == "helmreleases.helm.fluxcd.io");
    }

    [SkippableFact]
    public void Aws_ebs_deploy_base_skips_the_windows_daemonset_it_does_not_list_unless_named()
    {
        var folder = LoadCorpus("csi/aws-ebs-csi-driver/deploy-base");
        var named = LoadCorpus("csi/aws-ebs-csi-driver/deploy-base/node-windows.yaml");

        var d = Assert.Single(folder.Diagnostics);
        Assert.Contains("The 18 files it lists as resources are loaded as written", d.Message, StringComparison.Ordinal);
        Assert.Contains("Not listed in it, skipped as kustomize ignores it: node-windows.yaml.", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(folder.Objects, o => o.Name == "ebs-csi-node-windows");
        Assert.Empty(named.Diagnostics);
        Assert.Equal("ebs-csi-node-windows", Assert.Single(named.Objects).Name);
    }

    [SkippableFact]
    public void Placeholders_in_real_installs_load_without_diagnostics()
    {
        var microk8s = LoadCorpus("installs/microk8s-metrics-server");
        var tekton = LoadCorpus("installs/tekton-pipelines");

        Assert.Empty(microk8s.Diagnostics.Concat(tekton.Diagnostics));
        Assert.Contains(microk8s.Objects, o => o.Kind == "Deployment" && o.Json.Span.IndexOf("\"$ARCH\""u8) >= 0);
        Assert.Contains(tekton.Objects, o => o.Kind == "Deployment" && o.Json.Span.IndexOf("ko://"u8) >= 0);
    }
}
