using System.Reflection;
using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Analyzers.Validation;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers;

/// <summary>
/// The entry point without dependency injection:
/// <c>LandscapeAnalysis.Create(options).AddAnalyzer(new MyRule()).Run(landscape)</c>.
/// Starts with every built-in rule. Immutable: each <c>Add…</c> returns a new instance.
/// </summary>
public sealed class LandscapeAnalysis
{
    private readonly IReadOnlyList<LandscapeAnalyzer> _analyzers;
    private readonly IReadOnlyList<IObjectValidator> _validators;

    private LandscapeAnalysis(AnalysisOptions options, IReadOnlyList<LandscapeAnalyzer> analyzers, IReadOnlyList<IObjectValidator> validators)
    {
        Options = options;
        _analyzers = analyzers;
        _validators = validators;
    }

    /// <summary>The options runs use.</summary>
    public AnalysisOptions Options { get; }

    /// <summary>Every built-in rule with the given options (<see cref="AnalysisOptions.Default"/> when null).</summary>
    public static LandscapeAnalysis Create(AnalysisOptions? options = null) =>
        new(options ?? AnalysisOptions.Default, RuleScanner.CreateAnalyzers(RuleScanner.BuiltInAssembly), RuleScanner.CreateValidators(RuleScanner.BuiltInAssembly));

    /// <summary>Every built-in rule with options set in code.</summary>
    public static LandscapeAnalysis Create(Action<AnalysisOptionsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new AnalysisOptionsBuilder();
        configure(builder);
        return Create(builder.Build());
    }

    /// <summary>Adds a rule class instance (a second instance of the same type is ignored).</summary>
    public LandscapeAnalysis AddAnalyzer(LandscapeAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        return new(Options, [.. _analyzers, analyzer], _validators);
    }

    /// <summary>Adds a rule class.</summary>
    public LandscapeAnalysis AddAnalyzer<T>()
        where T : LandscapeAnalyzer, new() => AddAnalyzer(new T());

    /// <summary>Adds an object validator (a second instance of the same type is ignored).</summary>
    public LandscapeAnalysis AddValidator(IObjectValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        return new(Options, _analyzers, [.. _validators, validator]);
    }

    /// <summary>Adds every analyzer and object validator class with a parameterless constructor in an assembly.</summary>
    public LandscapeAnalysis AddAnalyzersFromAssembly(Assembly assembly) =>
        new(Options, [.. _analyzers, .. RuleScanner.CreateAnalyzers(assembly)], [.. _validators, .. RuleScanner.CreateValidators(assembly)]);

    /// <summary>The same rules with other options.</summary>
    public LandscapeAnalysis WithOptions(AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options, _analyzers, _validators);
    }

    /// <summary>Builds the engine, checking every rule id and the options.</summary>
    /// <exception cref="AnalyzerRegistrationException">A duplicate, malformed or reserved rule id.</exception>
    /// <exception cref="ConfigurationException">The options name an unknown rule id.</exception>
    public AnalyzerEngine Build() => new(_analyzers, _validators, Options);

    /// <summary>Builds the engine and runs it once.</summary>
    public AnalysisResult Run(Landscape landscape, CancellationToken cancellationToken = default) =>
        Build().Run(landscape, cancellationToken);
}
