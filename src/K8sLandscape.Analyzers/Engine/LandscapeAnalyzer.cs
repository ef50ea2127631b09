namespace K8sLandscape.Analyzers;

/// <summary>
/// A rule class: declares the rules it may report and reports findings about a landscape.
/// Analyzers must be stateless (the engine runs them concurrently and may run one many times) and
/// may report only the rules they declare.
/// </summary>
public abstract class LandscapeAnalyzer
{
    /// <summary>Every rule this analyzer may report. Read once, when the engine is built.</summary>
    public abstract IReadOnlyList<RuleDescriptor> SupportedRules { get; }

    /// <summary>The name used in error messages and KL0001 findings; the full type name by default.</summary>
    public virtual string Name => GetType().FullName ?? GetType().Name;

    /// <summary>Reads <see cref="AnalysisContext.Landscape"/> and reports findings through <see cref="AnalysisContext.Report(RuleDescriptor, K8sLandscape.Loading.SourceSpan, IReadOnlyList{K8sLandscape.Loading.SourceSpan}?, K8sLandscape.Loading.ObjectRef?, object?[])"/>.</summary>
    public abstract void Analyze(AnalysisContext context);
}
