using K8sLandscape.Catalog;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Workloads;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Core.Tests.Catalog;

/// <summary>Recognition of Helm itself and of the two providers of the resource metrics API.</summary>
public class WidelyInstalledRecognitionTests
{
    [SkippableFact]
    public void A_helm_rendered_install_does_not_make_helm_a_component()
    {
        // Kyverno's release manifest is Helm output: every object carries app.kubernetes.io/managed-by: Helm.
        var path = Corpus.Require("installs/kyverno");
        Assert.Contains("app.kubernetes.io/managed-by: Helm", File.ReadAllText(Directory.GetFiles(path, "*.yaml").Single()), StringComparison.Ordinal);

        var ids = CatalogCorpusEvidenceTests.Recognize(path).Select(c => c.Id).ToList();

        Assert.Contains("kyverno", ids);
        Assert.DoesNotContain("helm", ids);
    }

    [Fact]
    public void The_managed_by_label_alone_recognizes_nothing_but_helm_release_records_and_tiller_do()
    {
        var result = Recognize("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels: {app.kubernetes.io/managed-by: Helm, helm.sh/chart: web-1.0.0}
            spec: {template: {spec: {containers: [{name: web, image: nginx:1.27}]}}}
            ---
            apiVersion: v1
            kind: Secret
            type: helm.sh/release.v1
            metadata:
              name: sh.helm.release.v1.web.v1
              namespace: default
              labels: {owner: helm, name: web, status: deployed, version: "1"}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: web.v1
              namespace: kube-system
              labels: {OWNER: TILLER, NAME: web, STATUS: DEPLOYED, VERSION: "1"}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: tiller-deploy, namespace: kube-system, labels: {app: helm, name: tiller}}
            spec: {template: {spec: {containers: [{name: tiller, image: gcr.io/kubernetes-helm/tiller:v2.17.0}]}}}
            """);

        var helm = Assert.Single(result);
        Assert.Equal("helm", helm.Id);
        Assert.Equal(
            [
                ("Secret", "label", "owner=helm"),
                ("ConfigMap", "label", "OWNER=TILLER"),
                ("Deployment", "image", "gcr.io/kubernetes-helm/tiller:v2.17.0"),
                ("Deployment", "workload", "tiller-deploy"),
            ],
            helm.Evidence.Select(e => (e.Object.Kind, e.Fingerprint, e.Value)));
    }

    [SkippableFact]
    public void Metrics_server_and_prometheus_adapter_each_provide_the_resource_metrics_api()
    {
        var adapter = Corpus.Require("installs/prometheus-adapter");
        var metricsServer = Corpus.Require("installs/microk8s-metrics-server");

        var both = CatalogCorpusEvidenceTests.Recognize(adapter).Concat(CatalogCorpusEvidenceTests.Recognize(metricsServer))
            .Where(c => c.Definition.Provides.Contains("resource-metrics-api"))
            .Select(c => (c.Id, Folder: Path.GetFileName(Path.GetDirectoryName(c.Evidence[0].Object.Location.Path))))
            .ToList();

        Assert.Equal([("prometheus-adapter", "prometheus-adapter"), ("metrics-server", "microk8s-metrics-server")], both);
    }

    private static IReadOnlyList<RecognizedComponent> Recognize(string yaml)
    {
        var load = new ManifestLoader(new LoaderOptions { MaxParallelism = 1 }).LoadString(yaml, "fixture.yaml");
        Assert.Empty(load.Diagnostics);
        var index = new ObjectIndex(load.Objects);
        return ComponentRecognizer.Recognize(index, index.All.Select(Workload.From).OfType<Workload>().ToList(), ComponentCatalog.BuiltIn);
    }
}
