using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers;

/// <summary>
/// One problem a rule found. A conflict or duplicate reports at one party (<see cref="Location"/>)
/// and lists the others in <see cref="RelatedLocations"/>. Suppressed findings are kept and marked,
/// never dropped, so a report can show what was silenced and why.
/// </summary>
public sealed class Finding
{
    private static readonly IReadOnlyDictionary<string, string> NoProperties = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Creates a finding.</summary>
    /// <param name="rule">The rule that was broken.</param>
    /// <param name="severity">The effective severity (after configuration).</param>
    /// <param name="message">The formatted message.</param>
    /// <param name="location">Where the problem is.</param>
    /// <param name="relatedLocations">The other parties of a conflict; empty when there are none.</param>
    /// <param name="subject">The object the finding is about, or null (load problems, engine errors).</param>
    /// <param name="properties">Extra machine-readable facts; copied and sorted by key.</param>
    /// <param name="suppressionReason">Why the finding is suppressed, or null when it is not.</param>
    public Finding(
        RuleDescriptor rule,
        DiagnosticSeverity severity,
        string message,
        SourceSpan location,
        IReadOnlyList<SourceSpan>? relatedLocations = null,
        ObjectRef? subject = null,
        IReadOnlyDictionary<string, string>? properties = null,
        string? suppressionReason = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(message);
        Rule = rule;
        Severity = severity;
        Message = message;
        Location = location;
        RelatedLocations = relatedLocations is { Count: > 0 } r ? r.ToArray() : [];
        Subject = subject;
        Properties = properties is { Count: > 0 } p ? new SortedDictionary<string, string>(p.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal), StringComparer.Ordinal) : NoProperties;
        SuppressionReason = suppressionReason;
    }

    /// <summary>
    /// Creates the finding a rule reports with <see cref="AnalysisContext.Report(Finding)"/>: the
    /// message formatted from the rule's message format (exactly one argument per placeholder), at the
    /// rule's default severity unless the finding weighs otherwise (a removed API is an error, a
    /// deprecated one a warning). Configuration still overrides the severity when it names the rule.
    /// </summary>
    /// <param name="rule">One of the analyzer's supported rules.</param>
    /// <param name="location">Where the problem is (use <see cref="KubeObject.LocationOf"/> for a field's line).</param>
    /// <param name="relatedLocations">The other parties of a conflict, or null.</param>
    /// <param name="subject">The object the finding is about (its annotations can suppress it), or null.</param>
    /// <param name="severity">This finding's own weight, or null for the rule's default severity.</param>
    /// <param name="properties">Machine-readable facts shown in JSON and SARIF reports, or null.</param>
    /// <param name="messageArgs">Exactly one argument per placeholder of the rule's message format.</param>
    public static Finding Create(
        RuleDescriptor rule,
        SourceSpan location,
        IReadOnlyList<SourceSpan>? relatedLocations,
        ObjectRef? subject,
        DiagnosticSeverity? severity,
        IReadOnlyDictionary<string, string>? properties,
        params object?[] messageArgs)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new Finding(rule, severity ?? rule.DefaultSeverity, rule.FormatMessage(messageArgs ?? []), location, relatedLocations, subject, properties);
    }

    /// <summary>The rule that was broken.</summary>
    public RuleDescriptor Rule { get; }

    /// <summary>The rule's id.</summary>
    public string Id => Rule.Id;

    /// <summary>The effective severity (after configuration).</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>The formatted message.</summary>
    public string Message { get; }

    /// <summary>Where the problem is (file, line, column).</summary>
    public SourceSpan Location { get; }

    /// <summary>The other parties of a conflict or duplicate.</summary>
    public IReadOnlyList<SourceSpan> RelatedLocations { get; }

    /// <summary>The object the finding is about, or null.</summary>
    public ObjectRef? Subject { get; }

    /// <summary>Extra machine-readable facts, sorted by key.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>True when an annotation on the subject suppresses this finding.</summary>
    public bool Suppressed => SuppressionReason is not null;

    /// <summary>Why the finding is suppressed, or null when it is not.</summary>
    public string? SuppressionReason { get; }

    /// <summary>Formats as <c>path:line:column: severity id: message</c>.</summary>
    public override string ToString() =>
        $"{Location}: {SeverityText.Format(Severity)} {Id}: {Message}{(Suppressed ? " (suppressed: " + SuppressionReason + ")" : string.Empty)}";

    internal Finding Suppress(string reason) =>
        new(Rule, Severity, Message, Location, RelatedLocations, Subject, Properties, reason);
}
