namespace K8sLandscape.Analyzers.Tests.Verification;

/// <summary>
/// A finding the verifier must see: rule id, file and line of its primary location. The file is named
/// as <see cref="RuleInput.Display"/> shows it (a corpus file relative to the corpus) or by its
/// trailing path segments, such as a corpus file's name.
/// </summary>
internal sealed record ExpectedFinding(string RuleId, string File, int Line)
{
    public override string ToString() => $"{RuleId} {File}:{Line}";
}
