using K8sLandscape.Analyzers.Rules.Api;
using K8sLandscape.Loading;
using K8sLandscape.Analyzers.Tests.Verification;
using static K8sLandscape.Analyzers.Tests.Verification.RuleVerifier;

namespace K8sLandscape.Analyzers.Tests.Rules.Api;

/// <summary>KL5003 (a CRD redefined), KL5006 (an object redefined) and KL5004 (a group/version with two backends).</summary>
public class DuplicateDefinitionRulesTests
{
    private const string TwoWidgetCrds = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.acme.example
        spec:
          group: acme.example
          names: { kind: Widget, plural: widgets }
          scope: Namespaced
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema: { type: object, properties: { size: { type: integer } } }
        ---
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.acme.example
        spec:
          group: acme.example
          names: { kind: Widget, plural: widgets }
          scope: Cluster
          versions:
            - name: v1
              served: true
              storage: false
              schema:
                openAPIV3Schema: { type: object, properties: { size: { type: string } } }
            - name: v2
              served: true
              storage: true
              schema:
                openAPIV3Schema: { type: object }
        """;

    [Fact]
    public void KL5003_fires_on_a_CRD_shipped_twice_with_other_versions_schema_and_scope_and_KL5006_stays_quiet()
    {
        var landscape = LandscapeOf(RuleInput.Yaml(TwoWidgetCrds, "crds.yaml"));

        var f = Assert.Single(Run(new CrdRedefinitionAnalyzer(), landscape));
        Assert.Equal("KL5003", f.Id);
        Assert.Equal(At("crds.yaml", 1), f.Location);
        Assert.Equal([At("crds.yaml", 16)], f.RelatedLocations);
        Assert.Equal(DiagnosticSeverity.Error, f.Severity);
        Assert.StartsWith("CustomResourceDefinition 'widgets.acme.example' is defined 2 times, differing in versions, schemas and scope:", f.Message, StringComparison.Ordinal);
        Assert.Contains("crds.yaml:1 (versions v1 (storage); Namespaced)", f.Message, StringComparison.Ordinal);
        Assert.Contains("crds.yaml:16 (versions v1, v2 (storage); Cluster)", f.Message, StringComparison.Ordinal);
        Assert.Empty(Run(new DuplicateObjectAnalyzer(), landscape));
    }

    [SkippableFact]
    public void KL5003_and_KL5006_stay_quiet_on_Calicos_three_install_variants_which_ship_identical_CRDs()
    {
        var landscape = LandscapeOf(RuleInput.Corpus("cni/calico/calico.yaml", "cni/calico/canal.yaml", "cni/calico/operator-crds.yaml"));
        Assert.Contains(landscape.Api.Crds, c => c.Name == "networkpolicies.crd.projectcalico.org" && c.Object.Location.Path.EndsWith("canal.yaml", StringComparison.Ordinal));

        Assert.Empty(Run(new CrdRedefinitionAnalyzer(), landscape));
        Assert.DoesNotContain(Run(new DuplicateObjectAnalyzer(), landscape), f => f.Subject?.Kind == "CustomResourceDefinition");
    }

    [SkippableFact]
    public void KL5006_fires_on_the_ingress_nginx_controller_Service_of_the_cloud_and_kind_variants()
    {
        const string cloud = "operators/ingress-nginx/deploy-cloud.yaml";
        const string kind = "operators/ingress-nginx/deploy-kind.yaml";
        var findings = Run(new DuplicateObjectAnalyzer(), LandscapeOf(RuleInput.Corpus(cloud, kind)));

        var f = Assert.Single(findings, f => f.Subject == new ObjectRef(string.Empty, "Service", "ingress-nginx", "ingress-nginx-controller"));
        Assert.Equal("KL5006", f.Id);
        Assert.Equal(At(RuleInput.CorpusPath(cloud), 335), f.Location);
        Assert.Equal([At(RuleInput.CorpusPath(kind), 335)], f.RelatedLocations);
        Assert.Contains("first differences: spec.externalTrafficPolicy", f.Message, StringComparison.Ordinal);
        Assert.Contains(findings, g => g.Subject?.Kind == "Deployment");
    }

    [Fact]
    public void KL5006_ignores_key_order_server_fields_and_status_and_fires_on_a_real_difference()
    {
        var findings = Verify(new DuplicateObjectAnalyzer(), RuleInput.Yaml("""
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: same, namespace: shop }
            data: { a: "1", b: "2" }
            ---
            kind: ConfigMap
            apiVersion: v1
            metadata:
              namespace: shop
              name: same
              uid: 0c6f1b2e
              resourceVersion: "42"
              creationTimestamp: "2024-01-01T00:00:00Z"
            data: { b: "2", a: "1" }
            status: { anything: true }
            ---
            apiVersion: v1 #! KL5006
            kind: ConfigMap
            metadata: { name: other, namespace: shop }
            data: { a: "1" }
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: other, namespace: shop }
            data: { a: "2" }
            """, "t.yaml"));

        var f = Assert.Single(findings);
        Assert.Equal(At("t.yaml", 17), f.Location);
        Assert.Equal([At("t.yaml", 22)], f.RelatedLocations);
        Assert.StartsWith("ConfigMap shop/other is defined 2 times with different content (first differences: data.a)", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KL5006_finds_the_planted_ConfigMap_written_by_two_Helm_releases_in_the_sample_cluster()
    {
        var f = Assert.Single(Verify(new DuplicateObjectAnalyzer(), RuleInput.Sample(), new ExpectedFinding("KL5006", "lifecycle.yaml", 2)));

        Assert.Equal(At(RuleInput.SamplePath("lifecycle.yaml"), 2), f.Location);
        Assert.Equal([At(RuleInput.SamplePath("lifecycle.yaml"), 16)], f.RelatedLocations);
        Assert.StartsWith("ConfigMap monitoring/grafana-dashboards is defined 2 times", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KL5004_fires_on_two_backends_for_metrics_and_on_an_aggregated_API_over_a_CRD_and_not_KL5006()
    {
        var landscape = LandscapeOf(RuleInput.Yaml("""
            apiVersion: apiregistration.k8s.io/v1
            kind: APIService
            metadata: { name: v1beta1.metrics.k8s.io }
            spec:
              group: metrics.k8s.io
              version: v1beta1
              service: { name: metrics-server, namespace: kube-system }
            ---
            apiVersion: apiregistration.k8s.io/v1
            kind: APIService
            metadata: { name: v1beta1.metrics.k8s.io }
            spec:
              group: metrics.k8s.io
              version: v1beta1
              service: { name: prometheus-adapter, namespace: monitoring }
            ---
            apiVersion: apiregistration.k8s.io/v1
            kind: APIService
            metadata: { name: v1.acme.example }
            spec:
              group: acme.example
              version: v1
              service: { name: acme-api, namespace: acme }
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: { name: widgets.acme.example }
            spec:
              group: acme.example
              names: { kind: Widget, plural: widgets }
              scope: Namespaced
              versions:
                - name: v1
                  served: true
                  storage: true
            """, "api.yaml"));

        var findings = Run(new ApiGroupVersionClaimAnalyzer(), landscape);

        Assert.Equal(2, findings.Count);
        var acme = Assert.Single(findings, f => f.Message.StartsWith("API group/version 'acme.example/v1'", StringComparison.Ordinal));
        Assert.Equal(At("api.yaml", 23), acme.Location);
        Assert.Equal([At("api.yaml", 33)], acme.RelatedLocations);
        Assert.Contains("served by Service acme/acme-api:443", acme.Message, StringComparison.Ordinal);
        Assert.Contains("CustomResourceDefinition widgets.acme.example", acme.Message, StringComparison.Ordinal);
        var metrics = Assert.Single(findings, f => f.Message.StartsWith("API group/version 'metrics.k8s.io/v1beta1'", StringComparison.Ordinal));
        Assert.Equal(At("api.yaml", 7), metrics.Location);
        Assert.Equal([At("api.yaml", 15)], metrics.RelatedLocations);
        Assert.Contains("kube-system/metrics-server", metrics.Message, StringComparison.Ordinal);
        Assert.Contains("monitoring/prometheus-adapter", metrics.Message, StringComparison.Ordinal);
        Assert.Empty(Run(new DuplicateObjectAnalyzer(), landscape));
    }

    [SkippableFact]
    public void KL5004_stays_quiet_on_a_real_clusters_local_APIServices()
    {
        var landscape = LandscapeOf(RuleInput.Corpus("cluster-dumps/sonobuoy-testdata-kind-2019/resources/cluster/apiregistration.k8s.io_v1_apiservices.json"));
        Assert.NotEmpty(landscape.Api.ApiServices);

        Assert.Empty(Run(new ApiGroupVersionClaimAnalyzer(), landscape));
    }
}
