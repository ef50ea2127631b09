using FluentValidation;
using K8sLandscape.Analyzers.Validation;
using K8sLandscape.Loading;
using k8s.Models;

namespace K8sLandscape.Analyzers.Rules.Layers;

/// <summary>KL8101: a user-defined PriorityClass must not exceed 1,000,000,000.</summary>
internal sealed class PriorityClassValueValidator : ObjectValidator<V1PriorityClass>
{
    /// <summary>The highest value the API server accepts for a PriorityClass not named <c>system-…</c>.</summary>
    public const int HighestUserDefinablePriority = 1_000_000_000;

    public static RuleDescriptor Descriptor { get; } = new(
        "KL8101",
        "PriorityClass value is above the user-definable maximum",
        "PriorityClass '{0}' has value {1}, above 1000000000, the highest a user-defined PriorityClass may have",
        RuleCategory.Layers,
        DiagnosticSeverity.Error,
        """
        Values above 1,000,000,000 are reserved for the built-in `system-cluster-critical`
        (2,000,000,000) and `system-node-critical` (2,000,001,000) classes, which protect the
        components a cluster cannot run without. The API server rejects any other PriorityClass with
        a larger value ("maximum allowed value of a user defined priority is 1000000000"), so the
        class is never created and pods naming it fail admission.
        """,
        """
        Use a value of at most 1,000,000,000. To let a critical add-on preempt everything else, give
        its pods `priorityClassName: system-cluster-critical` (or `system-node-critical` for per-node
        agents) instead of inventing a higher class.
        """);

    public PriorityClassValueValidator()
    {
        DefineRulesOnFirstUse(() =>
        {
            RuleFor(p => p.Value)
                .LessThanOrEqualTo(HighestUserDefinablePriority)
                .When(p => p.Metadata?.Name is not { } name || !name.StartsWith("system-", StringComparison.Ordinal))
                .WithFinding((p, v) => [p.Metadata?.Name, v]);
        });
    }

    public override RuleDescriptor Rule => Descriptor;

    public override IReadOnlyList<GroupKind> Kinds { get; } = [new("scheduling.k8s.io", "PriorityClass")];
}
