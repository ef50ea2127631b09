using FluentValidation;
using K8sLandscape.Analyzers.Validation;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Rules.Admission;

/// <summary>KL6102: an admission webhook's timeoutSeconds must be between 1 and 30.</summary>
internal sealed class WebhookTimeoutValidator : ObjectValidator<WebhookConfigurationView>
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL6102",
        "Admission webhook timeoutSeconds must be between 1 and 30",
        "{0}: webhook '{1}' has timeoutSeconds {2}; the API server accepts 1 to 30",
        RuleCategory.Admission,
        DiagnosticSeverity.Error,
        """
        `timeoutSeconds` bounds how long the API server waits for a webhook before applying its
        `failurePolicy`. Validation rejects values outside 1–30 ("must be between 1 and 30 seconds"),
        so the configuration is never installed. The limit exists because every write to a matched
        resource waits for the webhook: a long timeout on a slow webhook stalls deployments,
        controllers and even node heartbeats cluster-wide. The default is 10 seconds in `v1`
        (30 in `v1beta1`).
        """,
        """
        Use a value between 1 and 30; keep it well below the client's own request timeout (kubectl
        and most controllers use 30–60 seconds) and make the webhook answer fast rather than raise
        the timeout.
        """);

    public WebhookTimeoutValidator()
    {
        DefineRulesOnFirstUse(() =>
        {
            RuleForEach(c => c.Webhooks).ChildRules(webhook =>
                webhook.RuleFor(w => w.TimeoutSeconds)
                    .Must(t => t is null or (>= 1 and <= 30))
                    .WithFinding((w, t) => [w.Configuration, w.Name, t]));
        });
    }

    public override RuleDescriptor Rule => Descriptor;

    public override IReadOnlyList<GroupKind> Kinds => WebhookConfigurationView.Kinds;

    protected override WebhookConfigurationView? Read(KubeObject obj) => WebhookConfigurationView.From(obj);
}
