using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Analyzers.Rules.Api;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Analyzers.Tests.Verification;
using static K8sLandscape.Analyzers.Tests.Verification.RuleVerifier;

namespace K8sLandscape.Analyzers.Tests.Rules.Api;

/// <summary>KL5007: removed and deprecated API versions.</summary>
public class ApiVersionLifecycleTests
{
    [SkippableFact]
    public void KL5007_is_an_error_on_the_extensions_v1beta1_coredns_Deployment_of_a_2019_cluster_dump()
    {
        const string dump = "cluster-dumps/sonobuoy-testdata-kind-2019/resources/ns/kube-system/extensions_v1beta1_deployments.json";
        var f = Assert.Single(Verify(new ApiVersionLifecycleAnalyzer(), RuleInput.Corpus(dump), new ExpectedFinding("KL5007", dump, 1)));

        Assert.Equal("KL5007", f.Id);
        Assert.Equal(DiagnosticSeverity.Error, f.Severity);
        Assert.Equal(At(RuleInput.CorpusPath(dump), 1), f.Location);
        Assert.Equal(new ObjectRef("extensions", "Deployment", "kube-system", "coredns"), f.Subject);
        Assert.Contains("uses apiVersion extensions/v1beta1, which Kubernetes 1.16 no longer serves", f.Message, StringComparison.Ordinal);
        Assert.EndsWith("use apps/v1", f.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void KL5007_is_an_error_on_the_cluster_addons_storage_k8s_io_v1beta1_StorageClass()
    {
        const string file = "csi/kubernetes-cluster-addons-storage-class/aws-default.yaml";
        var f = Assert.Single(Verify(new ApiVersionLifecycleAnalyzer(), RuleInput.Corpus(file), new ExpectedFinding("KL5007", file, 1)));

        Assert.Equal(At(RuleInput.CorpusPath(file), 1), f.Location);
        Assert.Contains("storage.k8s.io/v1beta1, which Kubernetes 1.22 no longer serves", f.Message, StringComparison.Ordinal);
        Assert.EndsWith("use storage.k8s.io/v1", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KL5007_follows_the_target_version_a_warning_before_removal_and_nothing_before_deprecation()
    {
        const string yaml = """
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata: { name: web, namespace: shop }
            """;
        var objects = LandscapeOf(RuleInput.Yaml(yaml)).Objects.All;
        IReadOnlyList<Finding> At(string version) =>
            Run(new ApiVersionLifecycleAnalyzer(), Landscape.Build(objects, new LandscapeOptions { KubernetesVersion = KubernetesVersion.Parse(version) }), AnalysisOptions.Default);

        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(At("1.22")).Severity);
        var deprecated = Assert.Single(At("1.20"));
        Assert.Equal(DiagnosticSeverity.Warning, deprecated.Severity);
        Assert.Contains("Kubernetes 1.14 deprecated and 1.22 removes (target 1.20); use networking.k8s.io/v1", deprecated.Message, StringComparison.Ordinal);
        Assert.Empty(At("1.13"));
    }

    [Fact]
    public void KL5007_reports_a_custom_resource_in_a_deprecated_CRD_version_with_the_CRD_as_related_and_not_the_served_one()
    {
        var findings = Verify(new ApiVersionLifecycleAnalyzer(), RuleInput.Yaml("""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: { name: widgets.acme.example }
            spec:
              group: acme.example
              names: { kind: Widget, plural: widgets }
              scope: Namespaced
              versions:
                - name: v1alpha1
                  served: false
                  storage: false
                - name: v1beta1
                  served: true
                  storage: false
                  deprecated: true
                  deprecationWarning: acme.example/v1beta1 Widget is deprecated
                - name: v1
                  served: true
                  storage: true
            ---
            apiVersion: acme.example/v1beta1 #! KL5007
            kind: Widget
            metadata: { name: old, namespace: shop }
            ---
            apiVersion: acme.example/v1alpha1 #! KL5007
            kind: Widget
            metadata: { name: older, namespace: shop }
            ---
            apiVersion: acme.example/v1
            kind: Widget
            metadata: { name: current, namespace: shop }
            """, "t.yaml"));

        Assert.Equal(2, findings.Count);
        var deprecated = Assert.Single(findings, f => f.Subject!.Name == "old");
        Assert.Equal(DiagnosticSeverity.Warning, deprecated.Severity);
        Assert.Equal(At("t.yaml", 21), deprecated.Location);
        Assert.Equal([At("t.yaml", 12)], deprecated.RelatedLocations);
        Assert.EndsWith("use acme.example/v1", deprecated.Message, StringComparison.Ordinal);
        var removed = Assert.Single(findings, f => f.Subject!.Name == "older");
        Assert.Equal(DiagnosticSeverity.Error, removed.Severity);
        Assert.Equal([At("t.yaml", 9)], removed.RelatedLocations);
    }

    [SkippableFact]
    public void KL5007_stays_quiet_on_current_manifests()
    {
        Assert.Empty(Verify(new ApiVersionLifecycleAnalyzer(), RuleInput.Corpus("operators/ingress-nginx/deploy-cloud.yaml", "operators/istio/crds/crd-all.gen.yaml")));
    }
}
