namespace K8sLandscape.Analyzers.Baselines;

/// <summary>How a finding relates to a baseline; the values of SARIF's <c>result.baselineState</c>.</summary>
public enum BaselineState
{
    /// <summary>Not in the baseline: reported, and it can fail the run.</summary>
    New,

    /// <summary>In the baseline and still found: accepted, left out of the report.</summary>
    Unchanged,

    /// <summary>In the baseline but no longer found (fixed, or its object removed).</summary>
    Absent,
}
