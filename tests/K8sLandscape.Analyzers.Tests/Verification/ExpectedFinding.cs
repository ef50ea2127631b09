namespace K8sLandscape.Analyzers.Tests.Verification;

/// <summary>A finding the verifier must see: rule id, file (as <see cref="RuleInput"/> names it) and line of its primary location.</summary>
internal sealed record ExpectedFinding(string RuleId, string File, int Line)
{
    public override string ToString() => $"{RuleId} {File}:{Line}";
}
