using K8sLandscape.Analyzers.Rules.Api;
using K8sLandscape.Loading;
using K8sLandscape.Analyzers.Tests.Verification;
using static K8sLandscape.Analyzers.Tests.Verification.RuleVerifier;

namespace K8sLandscape.Analyzers.Tests.Rules.Api;

/// <summary>KL5001 (short names), KL5002 (plurals and kinds) and KL5005 (category all).</summary>
public class ApiNameRulesTests
{
    private const string NfsSnapshotCrds = "csi/csi-driver-nfs/crd-csi-snapshot.yaml";
    private const string IstioCrds = "operators/istio/crds/crd-all.gen.yaml";

    [SkippableFact]
    public void KL5001_fires_on_vs_claimed_by_the_CSI_VolumeSnapshot_and_Istio_VirtualService_CRDs()
    {
        var findings = Run(new CrdShortNameCollisionAnalyzer(), LandscapeOf(RuleInput.Corpus(NfsSnapshotCrds, IstioCrds)));

        var f = Assert.Single(findings, f => f.Message.StartsWith("Short name 'vs'", StringComparison.Ordinal));
        Assert.Equal("KL5001", f.Id);
        Assert.Equal(At(RuleInput.CorpusPath(NfsSnapshotCrds), 17), f.Location);
        Assert.Equal([At(RuleInput.CorpusPath(IstioCrds), 10909)], f.RelatedLocations);
        Assert.Contains("virtualservices.networking.istio.io", f.Message, StringComparison.Ordinal);
        Assert.Contains("volumesnapshots.snapshot.storage.k8s.io", f.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Warning, f.Severity);
        Assert.Contains("kubectl resolves `vs` to virtualservices.networking.istio.io, because CRD groups share GroupPriorityMinimum 1000 and discovery then orders them by group name; reach the other by full name: `kubectl get volumesnapshots.snapshot.storage.k8s.io`", f.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void KL5001_fires_on_OLM_InstallPlan_claiming_the_built_in_short_name_ip()
    {
        var f = Assert.Single(Verify(new CrdShortNameCollisionAnalyzer(), RuleInput.Corpus("operators/olm/crds.yaml"), new ExpectedFinding("KL5001", "operators/olm/crds.yaml", 5026)));

        Assert.Equal(At(RuleInput.CorpusPath("operators/olm/crds.yaml"), 5026), f.Location);
        Assert.Empty(f.RelatedLocations);
        Assert.Contains("built-in ipaddresses.networking.k8s.io", f.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Info, f.Severity);
        Assert.EndsWith("kubectl resolves `ip` to the built-in ipaddresses.networking.k8s.io, because kube-apiserver's own groups come first in discovery (GroupPriorityMinimum 15800 and up, CRD groups 1000); reach the other by full name: `kubectl get installplans.operators.coreos.com`", f.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void KL5001_stays_quiet_on_the_Istio_CRDs_alone()
    {
        Assert.Empty(Verify(new CrdShortNameCollisionAnalyzer(), RuleInput.Corpus(IstioCrds)));
    }

    [Fact]
    public void KL5001_finds_both_planted_short_name_collisions_in_the_sample_cluster()
    {
        var findings = Run(new CrdShortNameCollisionAnalyzer(), LandscapeOf(RuleInput.Sample()));

        Assert.Equal(2, findings.Count);
        var vs = Assert.Single(findings, f => f.Message.StartsWith("Short name 'vs'", StringComparison.Ordinal));
        Assert.Equal(At(RuleInput.SamplePath("api.yaml"), 15), vs.Location);
        Assert.Equal([At(RuleInput.SamplePath("api.yaml"), 41)], vs.RelatedLocations);
        var po = Assert.Single(findings, f => f.Message.StartsWith("Short name 'po'", StringComparison.Ordinal));
        Assert.Equal(At(RuleInput.SamplePath("api.yaml"), 63), po.Location);
        Assert.Contains("built-in pods", po.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Info, po.Severity);
        Assert.Equal(DiagnosticSeverity.Warning, vs.Severity);
    }

    [SkippableFact]
    public void KL5002_fires_once_on_gateways_served_by_Gateway_API_and_Istio()
    {
        const string gateways = "operators/gateway-api/standard/gateway.networking.k8s.io_gateways.yaml";
        var findings = Run(new ApiNameAmbiguityAnalyzer(), LandscapeOf(RuleInput.Corpus(gateways, IstioCrds)));

        var f = Assert.Single(findings, f => f.Message.Contains("'gateways'", StringComparison.Ordinal));
        Assert.Equal("KL5002", f.Id);
        Assert.StartsWith("The plural 'gateways' and kind 'Gateway' are served by", f.Message, StringComparison.Ordinal);
        Assert.Equal(At(RuleInput.CorpusPath(gateways), 14), f.Location);
        Assert.Equal([At(RuleInput.CorpusPath(IstioCrds), 7221)], f.RelatedLocations);
        Assert.Equal(DiagnosticSeverity.Warning, f.Severity);
        Assert.Contains("kubectl resolves `gateways` to gateways.gateway.networking.k8s.io", f.Message, StringComparison.Ordinal);
        Assert.EndsWith("`kubectl get gateways.networking.istio.io`", f.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void KL5002_fires_on_Calicos_NetworkPolicy_CRD_reusing_the_built_in_kind()
    {
        var findings = Run(new ApiNameAmbiguityAnalyzer(), LandscapeOf(RuleInput.Corpus("cni/calico/calico.yaml")));

        var f = Assert.Single(findings, f => f.Message.Contains("'NetworkPolicy'", StringComparison.Ordinal));
        Assert.Equal(At(RuleInput.CorpusPath("cni/calico/calico.yaml"), 3011), f.Location);
        Assert.Contains("built-in networkpolicies.networking.k8s.io", f.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Info, f.Severity);
        Assert.Contains("kubectl resolves `networkpolicies` to the built-in networkpolicies.networking.k8s.io", f.Message, StringComparison.Ordinal);
        Assert.EndsWith("reach the other by full name: `kubectl get networkpolicies.crd.projectcalico.org`", f.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void KL5002_stays_quiet_on_the_Gateway_API_CRDs_alone()
    {
        Assert.Empty(Verify(new ApiNameAmbiguityAnalyzer(), RuleInput.Corpus("operators/gateway-api/standard")));
    }

    [Fact]
    public void KL5005_reports_one_info_per_API_group_listing_its_CRDs_in_category_all()
    {
        var findings = Verify(new CrdCategoryAllAnalyzer(), RuleInput.Yaml("""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: databases.acme.example
            spec:
              group: acme.example
              names:
                kind: Database
                plural: databases
                categories:
                  - acme
                  - all #! KL5005
              scope: Namespaced
              versions: [{ name: v1, served: true, storage: true }]
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: caches.acme.example
            spec:
              group: acme.example
              names: { kind: Cache, plural: caches, categories: [all] }
              scope: Namespaced
              versions: [{ name: v1, served: true, storage: true }]
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: queues.acme.example
            spec:
              group: acme.example
              names: { kind: Queue, plural: queues, categories: [acme] }
              scope: Namespaced
              versions: [{ name: v1, served: true, storage: true }]
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: topics.other.example
            spec:
              group: other.example
              names: { kind: Topic, plural: topics, categories: [all] } #! KL5005
              scope: Namespaced
              versions: [{ name: v1, served: true, storage: true }]
            """, "t.yaml"));

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(DiagnosticSeverity.Info, f.Severity));
        var acme = findings[0];
        Assert.Equal("KL5005", acme.Id);
        Assert.Equal(At("t.yaml", 12), acme.Location);
        Assert.Equal([At("t.yaml", 22)], acme.RelatedLocations);
        Assert.StartsWith("API group 'acme.example' adds 2 resources (caches and databases) to the 'all' category", acme.Message, StringComparison.Ordinal);
        Assert.StartsWith("API group 'other.example' adds 'topics' to the 'all' category", findings[1].Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void KL5005_stays_quiet_on_the_Istio_CRDs_which_use_their_own_categories()
    {
        Assert.Empty(Verify(new CrdCategoryAllAnalyzer(), RuleInput.Corpus(IstioCrds)));
    }
}
