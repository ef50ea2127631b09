using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers;

/// <summary>KL0001: the engine's report of an analyzer that threw. Not an analyzer itself: the engine reports it.</summary>
public static class AnalyzerCrashedRule
{
    /// <summary>The descriptor.</summary>
    public static RuleDescriptor Descriptor { get; } = new(
        "KL0001",
        "An analyzer threw an exception",
        "Analyzer '{0}' threw {1}: {2}",
        RuleCategory.Engine,
        DiagnosticSeverity.Error,
        """
        An analyzer (or object validator) failed while reading the landscape. The engine isolates the
        failure, as Roslyn does with AD0001: every other analyzer still runs, and this finding names the
        failing one and its exception. The report is incomplete for the rules that analyzer owns, so a
        clean run cannot be trusted until the failure is fixed.

        The engine also raises this finding when an analyzer breaks the reporting contract: it
        reports a rule it did not declare in `SupportedRules`, or passes a number of message
        arguments that differs from the placeholders of the rule's message format.
        """,
        """
        For a built-in analyzer, report the message and the input that triggers it as a bug. For a
        custom rule, fix the rule class: declare every rule it reports and pass one argument per
        placeholder (`{0}`..`{n}`).
        """);
}
