namespace K8sLandscape.Analyzers.Fleet;

/// <summary>How many active findings one rule reported at one severity in one cluster.</summary>
/// <param name="RuleId">The rule id.</param>
/// <param name="Severity"><c>error</c>, <c>warning</c> or <c>info</c>.</param>
/// <param name="Count">How many findings.</param>
public sealed record FleetRuleCount(string RuleId, string Severity, int Count);
