using K8sLandscape.Analyzers.Rules.Admission;
using K8sLandscape.Analyzers.Tests.Verification;
using static K8sLandscape.Analyzers.Tests.Verification.RuleVerifier;

namespace K8sLandscape.Analyzers.Tests.Rules.Admission;

/// <summary>KL6002 (fail-closed webhook over its own namespace or kube-system) and KL6003 (missing webhook Service).</summary>
public class WebhookBackendRulesTests
{
    private const string Policy = """
        apiVersion: v1
        kind: Service
        metadata: { name: guard, namespace: guard-system }
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata: { name: guard }
        webhooks:
          - name: pods.guard.example
            failurePolicy: Fail #! KL6002
            clientConfig: { service: { name: guard, namespace: guard-system } }
            rules: [{ apiGroups: ["*"], apiVersions: ["*"], operations: [CREATE, UPDATE], resources: ["*"] }]
          - name: excluded.guard.example
            clientConfig: { service: { name: guard, namespace: guard-system } }
            rules: [{ apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [pods] }]
            namespaceSelector:
              matchExpressions: [{ key: kubernetes.io/metadata.name, operator: NotIn, values: [kube-system, guard-system] }]
          - name: relaxed.guard.example
            failurePolicy: Ignore
            clientConfig: { service: { name: guard, namespace: guard-system } }
            rules: [{ apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [pods] }]
        """;

    [Fact]
    public void KL6002_fires_on_a_fail_closed_webhook_over_everything_and_not_on_excluded_or_ignoring_ones()
    {
        var f = Assert.Single(Verify(new FailClosedWebhookLockoutAnalyzer(), RuleInput.Yaml(Policy, "guard.yaml")));

        Assert.Equal("KL6002", f.Id);
        Assert.Equal(At("guard.yaml", 10), f.Location);
        Assert.Equal([At("guard.yaml", 1)], f.RelatedLocations);
        Assert.Equal(
            "Webhook 'pods.guard.example' of ValidatingWebhookConfiguration 'guard' has failurePolicy Fail and intercepts pods CREATE in its own backend's namespace 'guard-system'; "
            + "pods CREATE, leases.coordination.k8s.io UPDATE, configmaps UPDATE, endpoints UPDATE in kube-system; while its backend guard-system/guard:443 is down these requests are rejected",
            f.Message);
    }

    [SkippableFact]
    public void KL6002_stays_quiet_on_Istio_and_kyverno_webhooks_whose_selectors_leave_their_namespaces_out_or_unknown()
    {
        Assert.Empty(Verify(new FailClosedWebhookLockoutAnalyzer(), RuleInput.Corpus("helm-rendered/istio-istioctl-manifest-generate/pilot_default.golden.yaml", "webhooks/kyverno")));
    }

    [SkippableFact]
    public void KL6003_fires_on_Istios_analyzer_test_webhook_that_calls_a_fake_Service()
    {
        const string file = "webhooks/istio/analyzer-testdata-webhook.yaml";
        var f = Assert.Single(Verify(new WebhookServiceMissingAnalyzer(), RuleInput.Corpus(file), new ExpectedFinding("KL6003", file, 9)));

        Assert.Equal("KL6003", f.Id);
        Assert.Equal(At(RuleInput.CorpusPath(file), 9), f.Location);
        Assert.Equal([At(RuleInput.CorpusPath(file), 33)], f.RelatedLocations);
        Assert.StartsWith("Webhook 'sidecar-injector.istio.io' of MutatingWebhookConfiguration 'istio-sidecar-injector-missing-overlap' calls Service istio-system/fake", f.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void KL6003_stays_quiet_when_the_Service_is_present_or_the_webhook_comes_alone()
    {
        Assert.Empty(Verify(new WebhookServiceMissingAnalyzer(), RuleInput.Corpus("helm-rendered/istio-istioctl-manifest-generate/pilot_default.golden.yaml")));
        Assert.Empty(Verify(new WebhookServiceMissingAnalyzer(), RuleInput.Corpus("device-plugins/intel-device-plugins/fpga_admissionwebhook/webhook-manifests.yaml")));
        Assert.Empty(Verify(new WebhookServiceMissingAnalyzer(), RuleInput.Sample()));
    }
}
