using K8sLandscape.Analyzers.Rules.Admission;
using K8sLandscape.Analyzers.Tests.Verification;
using static K8sLandscape.Analyzers.Tests.Verification.RuleVerifier;

namespace K8sLandscape.Analyzers.Tests.Rules.Admission;

/// <summary>KL6004: two meshes enabled for one namespace or workload (the corpus has no such namespace: fixtures only).</summary>
public class MeshInjectionOverlapTests
{
    [Fact]
    public void KL6004_fires_on_a_namespace_labelled_for_Istio_and_annotated_for_Linkerd_and_on_a_workload_that_adds_a_mesh()
    {
        var findings = Verify(new MeshInjectionOverlapAnalyzer(), RuleInput.Yaml("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              labels:
                istio-injection: enabled #! KL6004
              annotations:
                linkerd.io/inject: enabled
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: billing
              labels: { istio.io/rev: canary }
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: api, namespace: billing }
            spec:
              template:
                metadata:
                  annotations:
                    linkerd.io/inject: enabled #! KL6004
                spec: { containers: [{ name: api, image: acme/api:1 }] }
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: web, namespace: shop }
            spec:
              template:
                spec: { containers: [{ name: web, image: acme/web:1 }] }
            """, "mesh.yaml"));

        Assert.Equal(2, findings.Count);
        var ns = Assert.Single(findings, f => f.Subject!.Kind == "Namespace");
        Assert.Equal("KL6004", ns.Id);
        Assert.Equal(At("mesh.yaml", 6), ns.Location);
        Assert.Equal([At("mesh.yaml", 8)], ns.RelatedLocations);
        Assert.Equal("Namespace 'shop' (mesh.yaml:1) is enabled for sidecar injection by Istio (mesh.yaml:6) and Linkerd (mesh.yaml:8); every Pod created there gets two proxies", ns.Message);
        var deploy = Assert.Single(findings, f => f.Subject!.Kind == "Deployment");
        Assert.Equal(At("mesh.yaml", 23), deploy.Location);
        Assert.Equal([At("mesh.yaml", 14)], deploy.RelatedLocations);
    }

    [Fact]
    public void KL6004_stays_quiet_when_the_workload_opts_out_of_the_namespaces_mesh()
    {
        Assert.Empty(Verify(new MeshInjectionOverlapAnalyzer(), RuleInput.Yaml("""
            apiVersion: v1
            kind: Namespace
            metadata: { name: shop, labels: { istio-injection: enabled } }
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: api, namespace: shop }
            spec:
              template:
                metadata:
                  labels: { sidecar.istio.io/inject: "false" }
                  annotations: { linkerd.io/inject: enabled }
                spec: { containers: [{ name: api, image: acme/api:1 }] }
            """, "t.yaml")));
    }

    [SkippableFact]
    public void KL6004_stays_quiet_on_the_sample_cluster_and_Istios_rendered_install()
    {
        Assert.Empty(Verify(new MeshInjectionOverlapAnalyzer(), RuleInput.Sample()));
        Assert.Empty(Verify(new MeshInjectionOverlapAnalyzer(), RuleInput.Corpus("helm-rendered/istio-istioctl-manifest-generate/pilot_default.golden.yaml")));
    }
}
