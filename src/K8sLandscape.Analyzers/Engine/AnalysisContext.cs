using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers;

/// <summary>
/// What one analyzer sees during a run: the landscape, the cancellation token, the options, and a
/// way to report. Reporting an undeclared rule or the wrong number of message arguments throws
/// <see cref="ArgumentException"/>, which the engine turns into a KL0001 finding naming the analyzer.
/// </summary>
public sealed class AnalysisContext
{
    private readonly Dictionary<string, RuleDescriptor> _declared;
    private readonly List<Finding> _findings = [];

    internal AnalysisContext(Landscape landscape, string analyzerName, IEnumerable<RuleDescriptor> declared, AnalysisOptions options, CancellationToken cancellationToken)
    {
        Landscape = landscape;
        AnalyzerName = analyzerName;
        _declared = declared.ToDictionary(r => r.Id, StringComparer.Ordinal);
        Options = options;
        CancellationToken = cancellationToken;
    }

    /// <summary>The landscape under analysis.</summary>
    public Landscape Landscape { get; }

    /// <summary>Cancelled when the run should stop; long loops should check it.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The options of the run.</summary>
    public AnalysisOptions Options { get; }

    /// <summary>The Kubernetes version to judge against: the landscape's (set with <see cref="LandscapeOptions.KubernetesVersion"/>).</summary>
    public KubernetesVersion KubernetesVersion => Landscape.KubernetesVersion;

    internal string AnalyzerName { get; }

    /// <summary>True when the rule is switched on; an analyzer may skip the work of a disabled rule.</summary>
    public bool IsEnabled(RuleDescriptor rule) => Options.IsEnabled(rule);

    /// <summary>
    /// The rule's own settings from configuration (<c>rules: { ACME100: { options: { ... } } }</c>),
    /// bound to <typeparamref name="T"/>: keys match its properties without regard to case, and
    /// properties not set keep their initial values. A key without a property or a value of the
    /// wrong type stops the run with a configuration error naming the file, line and key.
    /// </summary>
    /// <typeparam name="T">A class with a parameterless constructor and settable properties.</typeparam>
    /// <param name="rule">One of the analyzer's <see cref="LandscapeAnalyzer.SupportedRules"/>.</param>
    public T GetSettings<T>(RuleDescriptor rule)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Options.SettingsOf(rule.Id).Get<T>();
    }

    /// <summary>
    /// Reports a finding built with <see cref="Finding.Create"/>: the one way every report goes (the
    /// overloads below are shorthands for it). The rule must be one of the analyzer's
    /// <see cref="LandscapeAnalyzer.SupportedRules"/>; a disabled rule's finding is dropped, and a
    /// severity set for the rule in the configuration replaces the finding's own.
    /// </summary>
    /// <param name="finding">The finding.</param>
    public void Report(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var rule = finding.Rule;
        if (!_declared.TryGetValue(rule.Id, out var declared) || !ReferenceEquals(declared, rule))
            throw new ArgumentException($"Analyzer '{AnalyzerName}' reported rule {rule.Id}, which it does not declare in SupportedRules.", nameof(finding));
        if (!Options.IsEnabled(rule)) return;
        var severity = Options.SeverityOf(rule, finding.Severity);
        var accepted = severity == finding.Severity ? finding
            : new Finding(rule, severity, finding.Message, finding.Location, finding.RelatedLocations, finding.Subject, finding.Properties);
        lock (_findings) _findings.Add(accepted);
    }

    /// <summary>Reports a finding at the rule's default severity (shorthand for <see cref="Report(Finding)"/>).</summary>
    /// <param name="rule">One of the analyzer's <see cref="LandscapeAnalyzer.SupportedRules"/>.</param>
    /// <param name="location">Where the problem is (use <see cref="KubeObject.LocationOf"/> for a field's line).</param>
    /// <param name="relatedLocations">The other parties of a conflict, or null.</param>
    /// <param name="subject">The object the finding is about (its annotations can suppress it), or null.</param>
    /// <param name="messageArgs">Exactly one argument per placeholder of the rule's message format.</param>
    public void Report(RuleDescriptor rule, SourceSpan location, IReadOnlyList<SourceSpan>? relatedLocations, ObjectRef? subject, params object?[] messageArgs) =>
        Report(Finding.Create(rule, location, relatedLocations, subject, null, null, messageArgs));

    /// <summary>Reports a finding about an object, at a field's line, with other objects as the related parties (shorthand for <see cref="Report(Finding)"/>).</summary>
    /// <param name="rule">One of the analyzer's <see cref="LandscapeAnalyzer.SupportedRules"/>.</param>
    /// <param name="subject">The object the finding is about.</param>
    /// <param name="fieldPath">The field to point at (<c>spec.versions</c>), or null for the document's start.</param>
    /// <param name="related">The other parties of a conflict, or null.</param>
    /// <param name="messageArgs">Exactly one argument per placeholder of the rule's message format.</param>
    public void Report(RuleDescriptor rule, KubeObject subject, string? fieldPath, IEnumerable<KubeObject>? related, params object?[] messageArgs)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var location = fieldPath is null ? subject.Location : subject.LocationOf(fieldPath);
        Report(Finding.Create(rule, location, related?.Select(r => r.Location).ToArray(), subject.Ref, null, null, messageArgs));
    }

    /// <summary>Reports a finding with machine-readable properties (kept for rules written against 0.1.0).</summary>
    [Obsolete("Use Report(Finding.Create(rule, location, relatedLocations, subject, null, properties, messageArgs)).")]
    public void ReportWithProperties(RuleDescriptor rule, SourceSpan location, IReadOnlyList<SourceSpan>? relatedLocations, ObjectRef? subject, IReadOnlyDictionary<string, string> properties, params object?[] messageArgs) =>
        Report(Finding.Create(rule, location, relatedLocations, subject, null, properties, messageArgs));

    /// <summary>Records that a rule source threw; the engine's own KL0001, always allowed.</summary>
    internal void ReportCrash(string sourceName, Exception exception)
    {
        var rule = AnalyzerCrashedRule.Descriptor;
        if (!Options.IsEnabled(rule)) return;
        var first = exception.Message.ReplaceLineEndings(" ");
        var finding = new Finding(
            rule,
            Options.SeverityOf(rule),
            rule.FormatMessage(sourceName, exception.GetType().FullName, first),
            SourceSpan.None,
            properties: new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["analyzer"] = sourceName,
                ["exceptionType"] = exception.GetType().FullName ?? exception.GetType().Name,
            });
        lock (_findings) _findings.Add(finding);
    }

    internal IReadOnlyList<Finding> Findings
    {
        get
        {
            lock (_findings) return _findings.ToArray();
        }
    }
}
