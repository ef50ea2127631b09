namespace K8sLandscape.Analyzers.Baselines;

/// <summary>A run's findings against a <see cref="Baseline"/>: which are new, which were accepted, which are gone.</summary>
public sealed class BaselineComparison
{
    internal BaselineComparison(IReadOnlyList<Finding> @new, IReadOnlyList<Finding> unchanged, IReadOnlyList<BaselineEntry> absent)
    {
        New = @new;
        Unchanged = unchanged;
        Absent = absent;
    }

    /// <summary>Findings not in the baseline, in the run's order (suppressed ones included, marked).</summary>
    public IReadOnlyList<Finding> New { get; }

    /// <summary>Findings the baseline accepted, in the run's order.</summary>
    public IReadOnlyList<Finding> Unchanged { get; }

    /// <summary>Baseline entries no finding of the run matched, in the baseline's order.</summary>
    public IReadOnlyList<BaselineEntry> Absent { get; }
}
