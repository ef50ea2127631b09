using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers;

/// <summary>KL0020: a suppression annotation names a rule id no rule declares. The engine reports it.</summary>
public static class UnknownSuppressionRule
{
    /// <summary>The descriptor.</summary>
    public static RuleDescriptor Descriptor { get; } = new(
        "KL0020",
        "Suppression annotation names an unknown rule",
        "Annotation {0} on {1} names '{2}', which is not a rule id this run knows",
        RuleCategory.Engine,
        DiagnosticSeverity.Warning,
        $"""
        The `{SuppressionAnnotations.Ignore}` annotation lists rule ids whose findings about the object
        are accepted. An id no rule declares suppresses nothing: a typo (`KL301` for `KL3001`, lower
        case), a rule that was renumbered, or a custom rule whose plugin this run did not load. The
        finding it was meant to silence is reported as if the annotation were not there, and the
        annotation's reason misleads whoever reads the manifest.
        """,
        $"""
        Correct the id (`k8s-landscape rules` lists every rule; ids are case-sensitive), use
        `{SuppressionAnnotations.All}` to accept every rule's findings about the object, or load the
        plugin that declares the rule (`--plugin` or `plugins:` in `.k8s-landscape.yaml`).
        """);
}
