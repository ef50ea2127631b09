namespace K8sLandscape.Analyzers.Fleet;

/// <summary>An active finding as a landscape summary keeps it: no locations, so two clusters' findings can be matched.</summary>
/// <param name="RuleId">The rule id.</param>
/// <param name="Severity"><c>error</c>, <c>warning</c> or <c>info</c>.</param>
/// <param name="Message">The message.</param>
/// <param name="Subject">The object it is about (<c>group/Kind namespace/name</c>), or null.</param>
public sealed partial record SummaryFinding(string RuleId, string Severity, string Message, string? Subject)
{
    /// <summary>
    /// What matches a finding across clusters: rule, subject and message with line numbers left out,
    /// since the same conflict sits on other lines when a file differs elsewhere.
    /// </summary>
    public string Key => RuleId + "\n" + Subject + "\n" + LineNumbers().Replace(Message, "$1");

    [System.Text.RegularExpressions.GeneratedRegex(@"(\.[A-Za-z0-9]+):\d+(?::\d+)?", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex LineNumbers();
}
