using K8sLandscape.Core.Tests.Model.Api;
using K8sLandscape.Model.Admission;

namespace K8sLandscape.Core.Tests.Model.Admission;

public class AdmissionRuleTests
{
    private static AdmissionRule Rule(string resources, string ops = "CREATE", string groups = "", string scope = "*") =>
        new(ops.Split(','), groups.Split(','), ["*"], resources.Split(','), scope, [], "rules[0]");

    [Theory]
    [InlineData("pods", "pods", true)]
    [InlineData("pods", "pods/exec", false)]
    [InlineData("pods/*", "pods/exec", true)]
    [InlineData("pods/*", "pods", false)]
    [InlineData("*", "pods", true)]
    [InlineData("*", "pods/status", false)]
    [InlineData("*/*", "pods/status", true)]
    [InlineData("*/*", "pods", true)]
    [InlineData("*/scale", "deployments/scale", true)]
    [InlineData("*/scale", "deployments", false)]
    public void Resource_patterns_follow_the_API_server(string pattern, string resource, bool expected)
    {
        Assert.Equal(expected, Rule(pattern).Matches("", resource, "CREATE"));
    }

    [Fact]
    public void Rules_overlap_only_when_operations_groups_resources_and_scopes_meet()
    {
        Assert.True(Rule("pods").Overlaps(Rule("*")));
        Assert.True(Rule("pods", "*").Overlaps(Rule("pods", "CREATE")));
        Assert.False(Rule("pods", "UPDATE").Overlaps(Rule("pods", "CREATE")));
        Assert.False(Rule("pods", groups: "").Overlaps(Rule("pods", groups: "apps")));
        Assert.True(Rule("pods", groups: "*").Overlaps(Rule("pods", groups: "apps")));
        Assert.False(Rule("pods/status").Overlaps(Rule("pods")));
        Assert.True(Rule("pods/*").Overlaps(Rule("*/status")));
        Assert.False(Rule("pods", scope: "Cluster").Overlaps(Rule("pods", scope: "Namespaced")));
    }

    [Fact]
    public void Selector_evaluation_is_three_valued_when_labels_are_partial()
    {
        var selector = new LabelSelector(
            new Dictionary<string, string> { ["team"] = "a" },
            [new LabelSelectorRequirement("kubernetes.io/metadata.name", "NotIn", ["kube-system"])]);
        var partial = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "payments" };

        Assert.Equal(SelectorMatch.Unknown, selector.Evaluate(partial, labelsComplete: false));
        Assert.Equal(SelectorMatch.NoMatch, selector.Evaluate(partial, labelsComplete: true));
        Assert.Equal(SelectorMatch.NoMatch, selector.Evaluate(new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "kube-system" }, labelsComplete: false));
        Assert.True(LabelSelector.Everything.Matches(new Dictionary<string, string>()));
        Assert.Equal("team=a,kubernetes.io/metadata.name notin (kube-system)", selector.ToString());
    }

    [Fact]
    public void Namespace_objects_supply_labels_and_v1beta1_defaults_apply()
    {
        var admission = CorpusLandscape.FromYaml("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, labels: {istio-injection: enabled}}
            ---
            apiVersion: admissionregistration.k8s.io/v1beta1
            kind: MutatingWebhookConfiguration
            metadata: {name: old-injector}
            webhooks:
            - name: inject.example.com
              clientConfig: {url: "https://injector.example.com/inject"}
              namespaceSelector: {matchLabels: {istio-injection: enabled}}
              rules:
              - {operations: [CREATE], apiGroups: [""], apiVersions: [v1], resources: [pods]}
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata: {name: other}
            webhooks:
            - name: other.example.com
              sideEffects: None
              admissionReviewVersions: [v1]
              clientConfig: {service: {namespace: x, name: y}}
              rules:
              - {operations: ["*"], apiGroups: ["*"], apiVersions: ["*"], resources: ["*/*"]}
            """).Admission;

        var old = Assert.Single(admission.Webhooks, w => w.Name == "inject.example.com");
        Assert.Equal(("Ignore", "Unknown", 30, "Exact"), (old.FailurePolicy, old.SideEffects, old.TimeoutSeconds, old.MatchPolicy));
        Assert.Equal("https://injector.example.com/inject", old.ClientConfig.Url);
        Assert.Equal(SelectorMatch.Match, admission.NamespaceSelectorMatches(old, "shop"));
        Assert.Equal(SelectorMatch.Unknown, admission.NamespaceSelectorMatches(old, "unseen"));
        Assert.True(old.Intercepts("", "pods", "CREATE", "v1"));
        Assert.False(old.Intercepts("", "pods", "CREATE", "v2"));

        var other = Assert.Single(admission.Webhooks, w => w.Name == "other.example.com");
        Assert.Equal((10, "Equivalent"), (other.TimeoutSeconds, other.MatchPolicy));
        Assert.True(old.Overlaps(other));
        Assert.Equal(new[] { "mutating:*/*/*", "mutating:core/pods" }, admission.ExtensionPoints.Select(p => p.Name));
        Assert.Contains(admission.ExtensionPoints, p => p.Name == "mutating:core/pods" && p.Implementations.Single().Id == "webhook:old-injector/inject.example.com");
    }

    [Fact]
    public void Admission_policies_and_bindings_are_read_with_their_match_constraints()
    {
        var admission = CorpusLandscape.FromYaml("""
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicy
            metadata: {name: replica-limit}
            spec:
              failurePolicy: Ignore
              paramKind: {apiVersion: v1, kind: ConfigMap}
              matchConstraints:
                resourceRules:
                - {apiGroups: [apps], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [deployments]}
                excludeResourceRules:
                - {apiGroups: [apps], apiVersions: [v1], operations: [UPDATE], resources: [deployments], resourceNames: [legacy]}
                namespaceSelector: {matchLabels: {env: prod}}
              validations:
              - expression: "object.spec.replicas <= 5"
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicyBinding
            metadata: {name: replica-limit-prod}
            spec:
              policyName: replica-limit
              validationActions: [Deny, Audit]
              paramRef: {name: limits}
            ---
            apiVersion: admissionregistration.k8s.io/v1alpha1
            kind: MutatingAdmissionPolicy
            metadata: {name: add-label}
            spec:
              matchConstraints:
                resourceRules:
                - {apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [pods]}
              mutations:
              - {patchType: ApplyConfiguration}
            """).Admission;

        var vap = Assert.Single(admission.Policies, p => p.Kind == AdmissionKind.Validating);
        Assert.Equal(("Ignore", "v1/ConfigMap", 1), (vap.FailurePolicy, vap.ParamKind, vap.ExpressionCount));
        Assert.True(vap.Intercepts("apps", "deployments", "CREATE"));
        Assert.Equal("env=prod", vap.MatchConstraints!.NamespaceSelector.ToString());
        Assert.Equal(new[] { "legacy" }, vap.MatchConstraints.ExcludeResourceRules.Single().ResourceNames);
        var binding = Assert.Single(admission.BindingsOf(vap));
        Assert.Equal(new[] { "Deny", "Audit" }, binding.ValidationActions);
        Assert.Equal("limits", binding.ParamRefName);

        var map = Assert.Single(admission.Policies, p => p.Kind == AdmissionKind.Mutating);
        Assert.True(map.Intercepts("", "pods", "CREATE"));
        Assert.Empty(admission.BindingsOf(map));
        Assert.Contains(admission.ExtensionPoints, p => p.Name == "mutating:core/pods" && p.Implementations.Single().Id == "policy:add-label");
        Assert.Contains(admission.ExtensionPoints, p => p.Name == "validating:apps/deployments");
    }
}
