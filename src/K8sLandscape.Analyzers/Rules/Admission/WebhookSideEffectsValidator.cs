using FluentValidation;
using K8sLandscape.Analyzers.Validation;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Rules.Admission;

/// <summary>KL6101: an admissionregistration.k8s.io/v1 webhook must declare sideEffects None or NoneOnDryRun.</summary>
internal sealed class WebhookSideEffectsValidator : ObjectValidator<WebhookConfigurationView>
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL6101",
        "Admission webhook must declare sideEffects None or NoneOnDryRun",
        "{0}: webhook '{1}' {2}; admissionregistration.k8s.io/v1 requires sideEffects None or NoneOnDryRun",
        RuleCategory.Admission,
        DiagnosticSeverity.Error,
        """
        `sideEffects` tells the API server whether calling the webhook changes anything outside the
        admission review. In `admissionregistration.k8s.io/v1` it is required and must be `None` or
        `NoneOnDryRun`; `Some` and `Unknown` were allowed (and `Unknown` the default) only in
        `v1beta1`. The API server rejects a v1 configuration without a valid value, so the webhook
        is never installed. It also matters at run time: a dry-run request (`kubectl apply
        --dry-run=server`, `kubectl diff`) that would call a webhook declaring side effects fails.
        """,
        """
        Set `sideEffects: None` when the webhook only inspects or patches the admitted object. If it
        writes elsewhere (creates objects, calls external systems), make it skip that work for
        requests with `dryRun: true` and set `sideEffects: NoneOnDryRun`.
        """);

    public WebhookSideEffectsValidator()
    {
        DefineRulesOnFirstUse(() =>
        {
            RuleForEach(c => c.Webhooks).ChildRules(webhook =>
                webhook.RuleFor(w => w.SideEffects)
                    .Must(s => s is "None" or "NoneOnDryRun")
                    .WithFinding((w, s) => [w.Configuration, w.Name, s is null ? "has no sideEffects" : $"has sideEffects '{s}'"]));
        });
    }

    public override RuleDescriptor Rule => Descriptor;

    public override IReadOnlyList<GroupKind> Kinds => WebhookConfigurationView.Kinds;

    // Only v1 requires the field; v1beta1 defaulted it to Unknown.
    protected override WebhookConfigurationView? Read(KubeObject obj) => obj.Version == "v1" ? WebhookConfigurationView.From(obj) : null;
}
