using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers;

/// <summary>What a run produced: every finding in the deterministic order of <see cref="FindingComparer"/>.</summary>
public sealed class AnalysisResult
{
    internal AnalysisResult(IReadOnlyList<Finding> findings, IReadOnlyList<RuleDescriptor> rules)
    {
        Findings = findings;
        Rules = rules;
    }

    /// <summary>Every finding, suppressed ones included (marked), sorted.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Every rule the engine knows, sorted by id (reporters list them, SARIF needs them).</summary>
    public IReadOnlyList<RuleDescriptor> Rules { get; }

    /// <summary>The findings that are not suppressed.</summary>
    public IEnumerable<Finding> Active => Findings.Where(f => !f.Suppressed);

    /// <summary>True when a finding that is not suppressed has severity <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool HasErrors => Active.Any(f => f.Severity == DiagnosticSeverity.Error);
}
