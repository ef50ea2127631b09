using K8sLandscape.Analyzers.Validation;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Tests;

public class ValidatorTests
{
    private static IReadOnlyList<Finding> Analyze(string yaml) =>
        LandscapeAnalysis.Create().Run(TestLandscapes.FromYaml(yaml, "v.yaml")).Findings;

    [Fact]
    public void A_CRD_with_two_storage_versions_is_KL5101_at_the_versions_line()
    {
        var findings = Analyze("""
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
                - name: v2
                  served: true
                  storage: true
            """);

        var f = Assert.Single(findings);
        Assert.Equal("KL5101", f.Id);
        Assert.Equal(new SourceSpan("v.yaml", 9, 1), f.Location);
        Assert.Equal("CustomResourceDefinition 'widgets.acme.example' marks 2 of its 2 version(s) as the storage version; exactly one must be", f.Message);
        Assert.Equal(new ObjectRef("apiextensions.k8s.io", "CustomResourceDefinition", null, "widgets.acme.example"), f.Subject);
    }

    [Fact]
    public void A_CRD_with_no_storage_version_is_KL5101_and_one_with_exactly_one_is_clean()
    {
        var findings = Analyze("""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: { name: none.acme.example }
            spec:
              versions: [{ name: v1, served: true, storage: false }]
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: { name: one.acme.example }
            spec:
              versions: [{ name: v1, served: true, storage: true }, { name: v2, served: true, storage: false }]
            """);

        var f = Assert.Single(findings);
        Assert.Equal("KL5101", f.Id);
        Assert.Contains("'none.acme.example' marks 0 of its 1", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_v1_webhook_without_sideEffects_or_with_Some_is_KL6101_at_the_webhooks_line()
    {
        var findings = Analyze("""
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata:
              name: injector
            webhooks:
              - name: ok.acme.example
                sideEffects: None
              - name: missing.acme.example
                admissionReviewVersions: [v1]
              - name: some.acme.example
                sideEffects: Some
            ---
            apiVersion: admissionregistration.k8s.io/v1beta1
            kind: ValidatingWebhookConfiguration
            metadata:
              name: legacy
            webhooks:
              - name: legacy.acme.example
            """);

        Assert.Equal(
            [
                "v.yaml:8:1 KL6101 MutatingWebhookConfiguration 'injector': webhook 'missing.acme.example' has no sideEffects; admissionregistration.k8s.io/v1 requires sideEffects None or NoneOnDryRun",
                "v.yaml:11:1 KL6101 MutatingWebhookConfiguration 'injector': webhook 'some.acme.example' has sideEffects 'Some'; admissionregistration.k8s.io/v1 requires sideEffects None or NoneOnDryRun",
            ],
            // The v1beta1 configuration is also KL5007 (a removed API version); only KL6101 is under test here.
            findings.Where(f => f.Id == "KL6101").Select(f => $"{f.Location} {f.Id} {f.Message}"));
    }

    [Fact]
    public void A_webhook_timeout_outside_1_to_30_is_KL6102()
    {
        var findings = Analyze("""
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingWebhookConfiguration
            metadata:
              name: policy
            webhooks:
              - name: fast.acme.example
                sideEffects: None
                timeoutSeconds: 5
              - name: slow.acme.example
                sideEffects: None
                timeoutSeconds: 45
            """);

        var f = Assert.Single(findings);
        Assert.Equal("KL6102", f.Id);
        Assert.Equal(11, f.Location.Line);
        Assert.Equal("ValidatingWebhookConfiguration 'policy': webhook 'slow.acme.example' has timeoutSeconds 45; the API server accepts 1 to 30", f.Message);
    }

    [Fact]
    public void A_StorageClass_with_a_namespace_is_KL3101_at_the_namespace_line()
    {
        var findings = Analyze("""
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: fast
              namespace: team-a
            provisioner: ebs.csi.aws.com
            """);

        var f = Assert.Single(findings);
        Assert.Equal("KL3101", f.Id);
        Assert.Equal(DiagnosticSeverity.Warning, f.Severity);
        Assert.Equal(new SourceSpan("v.yaml", 5, 1), f.Location);
        Assert.Equal("StorageClass 'fast' sets metadata.namespace 'team-a', but StorageClasses are cluster-scoped", f.Message);
    }

    [Fact]
    public void A_RuntimeClass_without_a_valid_handler_is_KL1101()
    {
        var findings = Analyze("""
            apiVersion: node.k8s.io/v1
            kind: RuntimeClass
            metadata: { name: gvisor }
            ---
            apiVersion: node.k8s.io/v1
            kind: RuntimeClass
            metadata: { name: kata }
            handler: Kata_QEMU
            ---
            apiVersion: node.k8s.io/v1
            kind: RuntimeClass
            metadata: { name: runc }
            handler: runc
            """);

        Assert.Equal(
            ["RuntimeClass 'gvisor' has no handler", "RuntimeClass 'kata' has handler 'Kata_QEMU'"],
            findings.Select(f => f.Message.Split(';')[0]));
        Assert.All(findings, f => Assert.Equal("KL1101", f.Id));
        Assert.Equal(8, findings[1].Location.Line);
    }

    [Fact]
    public void A_user_PriorityClass_above_one_billion_is_KL8101_but_system_classes_are_not()
    {
        var findings = Analyze("""
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: { name: very-important }
            value: 1500000000
            ---
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: { name: system-cluster-critical }
            value: 2000000000
            ---
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: { name: high }
            value: 1000000000
            """);

        var f = Assert.Single(findings);
        Assert.Equal("KL8101", f.Id);
        Assert.Equal(4, f.Location.Line);
        Assert.Equal("PriorityClass 'very-important' has value 1500000000, above 1000000000, the highest a user-defined PriorityClass may have", f.Message);
    }

    [Fact]
    public void A_validator_finding_can_be_suppressed_by_annotation()
    {
        var findings = Analyze("""
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: fast
              namespace: team-a
              annotations: { k8s-landscape.io/ignore: KL3101 }
            provisioner: ebs.csi.aws.com
            """);

        Assert.True(Assert.Single(findings).Suppressed);
    }

    [Fact]
    public void A_validator_that_throws_becomes_KL0001_naming_it_and_other_validators_still_run()
    {
        var engine = new AnalyzerEngine([], [new ThrowingValidator(), new K8sLandscape.Analyzers.Rules.Storage.StorageClassNamespaceValidator()]);

        var findings = engine.Run(TestLandscapes.FromYaml("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: s\n  namespace: team\n")).Findings;

        Assert.Equal(["KL0001", "KL3101"], findings.Select(f => f.Id));
        Assert.Contains(typeof(ThrowingValidator).FullName!, findings[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Spec.Versions", "spec.versions")]
    [InlineData("Webhooks[1].SideEffects", "webhooks[1].sideEffects")]
    [InlineData("", "")]
    public void Property_names_become_field_paths(string propertyName, string fieldPath) =>
        Assert.Equal(fieldPath, ObjectValidationAnalyzer.ToFieldPath(propertyName));

    private sealed class ThrowingValidator : ObjectValidator<KubeObject>
    {
        private static readonly RuleDescriptor Descriptor = new("TEST100", "Throws", "throws", RuleCategory.Storage, DiagnosticSeverity.Info, "For tests.");

        public override RuleDescriptor Rule => Descriptor;

        public override IReadOnlyList<GroupKind> Kinds { get; } = [new("storage.k8s.io", "StorageClass")];

        protected override KubeObject? Read(KubeObject obj) => throw new FormatException("cannot read");
    }
}
