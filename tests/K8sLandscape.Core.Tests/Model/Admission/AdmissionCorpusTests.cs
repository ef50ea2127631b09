using K8sLandscape.Core.Tests.Model.Api;
using K8sLandscape.Model.Admission;

namespace K8sLandscape.Core.Tests.Model.Admission;

public class AdmissionCorpusTests
{
    [SkippableFact]
    public void Istio_Intel_FPGA_and_Kyverno_all_mutate_Pod_CREATE()
    {
        var landscape = CorpusLandscape.Load(
            "webhooks/istio/checkinject-default-injector.yaml",
            "device-plugins/intel-device-plugins/fpga_admissionwebhook/webhook-manifests.yaml",
            "webhooks/kyverno/chainsaw-ivpol-combined-webhooks.partial.yaml");
        var admission = landscape.Admission;

        var podCreate = admission.Intercepting("", "pods", "CREATE", AdmissionKind.Mutating).ToArray();

        // checkinject-default-injector.yaml: four injector entries on pods CREATE; the FPGA mutator;
        // kyverno's two ivpol mutating entries (both list pods under the core group).
        Assert.Equal(4, podCreate.Count(w => w.ConfigurationName == "istio-sidecar-injector"));
        Assert.All(podCreate.Where(w => w.ConfigurationName == "istio-sidecar-injector"), w => Assert.Equal("istio", w.ComponentId));
        var fpga = Assert.Single(podCreate, w => w.Name == "fpga.mutator.webhooks.intel.com");
        Assert.Equal("Ignore", fpga.FailurePolicy);
        Assert.Equal("system", fpga.ClientConfig.Service!.Namespace);
        Assert.Equal("/pods", fpga.ClientConfig.Service.Path);
        Assert.Equal(2, podCreate.Count(w => w.ComponentId == "kyverno"));

        var point = Assert.Single(landscape.ExtensionPoints, p => p.Name == "mutating:core/pods");
        Assert.Contains(point.Implementations, i => i.Id == "istio" && i.Recognized);
        Assert.Contains(point.Implementations, i => i.Id == "kyverno" && i.Recognized);
        Assert.Equal(3, point.Implementations.Count);
        Assert.Single(point.Implementations, i => i.Objects.Contains(fpga.Configuration));
    }

    [SkippableFact]
    public void Istio_injector_entries_are_read_with_selectors_policies_and_locations()
    {
        var admission = CorpusLandscape.Load("webhooks/istio/checkinject-default-injector.yaml").Admission;

        var first = admission.Webhooks[0];
        Assert.Equal("rev.namespace.sidecar-injector.istio.io", first.Name);
        Assert.Equal(AdmissionKind.Mutating, first.Kind);
        Assert.Equal("webhooks[0]", first.Path);
        Assert.Equal(15, first.Location.Line); // '- admissionReviewVersions:' of the first entry
        Assert.Equal(new[] { "v1beta1", "v1" }, first.AdmissionReviewVersions);
        Assert.Equal(("Fail", "None", 10, "Never", "Equivalent"), (first.FailurePolicy, first.SideEffects, first.TimeoutSeconds, first.ReinvocationPolicy, first.MatchPolicy));
        Assert.Equal("istio-system/istiod:443/inject", first.ClientConfig.ToString());
        var rule = Assert.Single(first.Rules);
        Assert.Equal(("*", "webhooks[0].rules[0]"), (rule.Scope, rule.Path));

        // istio.io/rev In [default] and istio-injection DoesNotExist.
        Assert.Equal(SelectorMatch.Match, first.NamespaceSelector.Evaluate(new Dictionary<string, string> { ["istio.io/rev"] = "default" }, labelsComplete: true));
        Assert.Equal(SelectorMatch.NoMatch, first.NamespaceSelector.Evaluate(new Dictionary<string, string> { ["istio.io/rev"] = "default", ["istio-injection"] = "enabled" }, labelsComplete: true));
        // Without a Namespace object only kubernetes.io/metadata.name is known: undecided.
        Assert.Equal(SelectorMatch.Unknown, admission.NamespaceSelectorMatches(first, "team-a"));
        Assert.True(admission.MaySeeNamespace(first, "team-a"));
        // The object selector keeps out pods labelled sidecar.istio.io/inject=false.
        Assert.False(first.ObjectSelector.Matches(new Dictionary<string, string> { ["sidecar.istio.io/inject"] = "false" }));
    }

    [SkippableFact]
    public void Istio_overlapping_injector_test_data_overlaps_and_namespace_labels_decide()
    {
        var admission = CorpusLandscape.Load("webhooks/istio/analyzer-testdata-webhook.yaml").Admission;

        var hooks = admission.MutatingWebhooks.ToArray();
        Assert.Equal(new[] { "istio-sidecar-injector-missing-overlap", "istio-sidecar-injector-overlap" }, hooks.Select(w => w.ConfigurationName));
        Assert.All(hooks, w => Assert.Equal("sidecar-injector.istio.io", w.Name));
        // These entries have no rules at all, so by rules they intercept nothing and cannot overlap.
        Assert.All(hooks, w => Assert.Empty(w.Rules));
        Assert.False(hooks[0].Overlaps(hooks[1]));
        Assert.Equal(new[] { "v1beta1" }, hooks[0].AdmissionReviewVersions);
    }

    [SkippableFact]
    public void Kyverno_namespace_selector_excludes_kube_system_by_metadata_name()
    {
        var admission = CorpusLandscape.Load("webhooks/kyverno/chainsaw-ivpol-combined-webhooks.partial.yaml").Admission;

        var mutate = Assert.Single(admission.MutatingWebhooks, w => w.Name == "ivpol.mutate.kyverno.svc-fail");
        Assert.Equal(SelectorMatch.NoMatch, admission.NamespaceSelectorMatches(mutate, "kube-system"));
        Assert.Equal(SelectorMatch.NoMatch, admission.NamespaceSelectorMatches(mutate, "kyverno"));
        // Only metadata.name is used, so an unseen namespace is decided without its Namespace object.
        Assert.Equal(SelectorMatch.Match, admission.NamespaceSelectorMatches(mutate, "default"));
        Assert.True(mutate.Intercepts("apps", "deployments", "CREATE"));
        Assert.False(mutate.Intercepts("apps", "deployments", "UPDATE"));
        Assert.Equal(("NoneOnDryRun", "Never"), (mutate.SideEffects, mutate.ReinvocationPolicy));
    }

    [SkippableFact]
    public void Crossplane_usage_webhook_intercepts_every_DELETE_of_labelled_objects()
    {
        var admission = CorpusLandscape.Load("webhooks/crossplane/usage-webhookconfiguration.yaml").Admission;

        var w = Assert.Single(admission.ValidatingWebhooks);
        Assert.Equal("crossplane", w.ComponentId);
        Assert.True(w.Intercepts("apps", "deployments", "DELETE"));
        Assert.False(w.Intercepts("apps", "deployments/scale", "DELETE")); // '*' covers no subresources
        Assert.False(w.Intercepts("", "pods", "CREATE"));
        Assert.True(w.ObjectSelector.Matches(new Dictionary<string, string> { ["crossplane.io/in-use"] = "true" }));
    }
}

public class ClusterServiceVersionWebhookTests
{
    [SkippableFact]
    public void Webhooks_declared_only_inside_a_CSV_are_admission_webhooks()
    {
        var admission = K8sLandscape.Core.Tests.Model.Api.CorpusLandscape.Load("installs/opentelemetry-operator").Admission;

        // opentelemetry-operator.clusterserviceversion.yaml: spec.webhookdefinitions, mpod.kb.io on Pod CREATE, no selectors.
        var pod = Assert.Single(admission.MutatingWebhooks, w => w.Name == "mpod.kb.io");
        Assert.True(pod.Intercepts("", "pods", "CREATE"));
        Assert.Equal("Ignore", pod.FailurePolicy);
        Assert.StartsWith("spec.webhookdefinitions[", pod.Path, StringComparison.Ordinal);
        Assert.Equal("opentelemetry-operator-controller-manager-service", pod.ClientConfig.Service?.Name);
        Assert.Equal("ClusterServiceVersion", pod.Configuration.Kind);
    }

    [Fact]
    public void A_CSV_without_webhook_definitions_adds_none()
    {
        var admission = K8sLandscape.Core.Tests.Model.Api.CorpusLandscape.FromYaml("""
            apiVersion: operators.coreos.com/v1alpha1
            kind: ClusterServiceVersion
            metadata: {name: demo.v1.0.0, namespace: operators}
            spec: {displayName: Demo}
            """).Admission;
        Assert.Empty(admission.Webhooks);
    }
}
