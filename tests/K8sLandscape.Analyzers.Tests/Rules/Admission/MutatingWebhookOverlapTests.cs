using K8sLandscape.Analyzers.Rules.Admission;
using K8sLandscape.Analyzers.Tests.Verification;
using static K8sLandscape.Analyzers.Tests.Verification.RuleVerifier;

namespace K8sLandscape.Analyzers.Tests.Rules.Admission;

/// <summary>KL6001: mutating webhooks of different components on the same requests.</summary>
public class MutatingWebhookOverlapTests
{
    private const string IstioRendered = "helm-rendered/istio-istioctl-manifest-generate/pilot_default.golden.yaml";
    private const string IntelFpga = "device-plugins/intel-device-plugins/fpga_admissionwebhook/webhook-manifests.yaml";

    [SkippableFact]
    public void KL6001_fires_on_the_Intel_FPGA_mutator_and_the_Istio_injectors_on_Pod_CREATE()
    {
        var f = Assert.Single(Verify(new MutatingWebhookOverlapAnalyzer(), RuleInput.Corpus(IntelFpga, IstioRendered), new ExpectedFinding("KL6001", IntelFpga, 7)));

        Assert.Equal("KL6001", f.Id);
        Assert.Equal(At(RuleInput.CorpusPath(IntelFpga), 7), f.Location);
        Assert.Equal([3405, 3440, 3477, 3510], f.RelatedLocations.Select(l => l.Line));
        Assert.All(f.RelatedLocations, l => Assert.Equal(RuleInput.CorpusPath(IstioRendered), l.Path));
        Assert.StartsWith("Mutating webhooks of 2 components mutate pods CREATE in overlapping namespaces:", f.Message, StringComparison.Ordinal);
        Assert.Contains("mutating-webhook-configuration/fpga.mutator.webhooks.intel.com", f.Message, StringComparison.Ordinal);
        Assert.Contains("istio-sidecar-injector/rev.namespace.sidecar-injector.istio.io (istio,", f.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void KL6001_fires_on_Istios_duplicated_injector_test_case()
    {
        const string file = "webhooks/istio/testdata-duplicate_mwc.yaml";
        var f = Assert.Single(Verify(new MutatingWebhookOverlapAnalyzer(), RuleInput.Corpus(file), new ExpectedFinding("KL6001", file, 10)));

        Assert.Equal(At(RuleInput.CorpusPath(file), 10), f.Location);
        Assert.Equal([At(RuleInput.CorpusPath(file), 60)], f.RelatedLocations);
        Assert.StartsWith("Mutating webhooks of one component installed twice mutate pods CREATE", f.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void KL6001_stays_quiet_on_one_Istio_installation_whose_injectors_share_a_configuration()
    {
        Assert.Empty(Verify(new MutatingWebhookOverlapAnalyzer(), RuleInput.Corpus(IstioRendered)));
        Assert.Empty(Verify(new MutatingWebhookOverlapAnalyzer(), RuleInput.Corpus("webhooks/istio/checkinject-default-injector.yaml")));
    }

    [Fact]
    public void KL6001_finds_the_planted_Istio_and_Linkerd_injectors_in_the_sample_cluster()
    {
        var f = Assert.Single(Verify(new MutatingWebhookOverlapAnalyzer(), RuleInput.Sample(), new ExpectedFinding("KL6001", "admission.yaml", 9)));

        Assert.Equal(At(RuleInput.SamplePath("admission.yaml"), 9), f.Location);
        Assert.Equal([At(RuleInput.SamplePath("admission.yaml"), 38)], f.RelatedLocations);
        Assert.Contains("(istio,", f.Message, StringComparison.Ordinal);
        Assert.Contains("(linkerd,", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KL6001_stays_quiet_when_namespace_selectors_cannot_select_the_same_namespace()
    {
        Assert.Empty(Verify(new MutatingWebhookOverlapAnalyzer(), RuleInput.Yaml("""
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata: { name: mesh-a }
            webhooks:
              - name: inject.mesh-a.example
                clientConfig: { service: { name: a, namespace: a } }
                rules: [{ apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [pods] }]
                namespaceSelector: { matchLabels: { mesh: a } }
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata: { name: mesh-b }
            webhooks:
              - name: inject.mesh-b.example
                clientConfig: { service: { name: b, namespace: b } }
                rules: [{ apiGroups: [""], apiVersions: [v1], operations: ["*"], resources: ["*"] }]
                namespaceSelector: { matchExpressions: [{ key: mesh, operator: NotIn, values: [a] }] }
            """, "t.yaml")));
    }
}
