using System.Globalization;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers;

/// <summary>
/// The immutable description of one rule: its id, wording, area, default severity and the long
/// explanation its documentation page is generated from. Declare it as a static field beside the
/// rule class that reports it, so the text and the logic change together.
/// </summary>
public sealed class RuleDescriptor
{
    /// <summary>Creates a descriptor.</summary>
    /// <param name="id">The stable id: a letter prefix and digits, <c>KL3001</c> for built-in rules, your own prefix (<c>ACME001</c>) for custom ones.</param>
    /// <param name="title">A short sentence without a trailing period, the same for every finding.</param>
    /// <param name="messageFormat">The finding's message, a composite format with placeholders <c>{0}</c>..<c>{n}</c>.</param>
    /// <param name="category">The area the rule belongs to.</param>
    /// <param name="defaultSeverity">The severity unless configuration overrides it.</param>
    /// <param name="description">Why the rule matters, citing the Kubernetes behaviour behind it (Markdown).</param>
    /// <param name="howToFix">How to fix what the rule reports (Markdown); null when there is nothing to add.</param>
    /// <param name="helpUri">The rule's page; defaults to <c>docs/rules/&lt;id&gt;.md</c>.</param>
    /// <param name="isEnabledByDefault">False for opt-in rules, which run only when configuration enables them.</param>
    public RuleDescriptor(
        string id,
        string title,
        string messageFormat,
        RuleCategory category,
        DiagnosticSeverity defaultSeverity,
        string description,
        string? howToFix = null,
        Uri? helpUri = null,
        bool isEnabledByDefault = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageFormat);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        Description = description;
        HowToFix = howToFix;
        HelpUri = helpUri ?? new Uri($"docs/rules/{id}.md", UriKind.Relative);
        IsEnabledByDefault = isEnabledByDefault;
        Placeholders = K8sLandscape.Analyzers.MessageFormat.Placeholders(messageFormat);
    }

    /// <summary>The stable id, for example <c>KL3001</c>.</summary>
    public string Id { get; }

    /// <summary>A short sentence without a trailing period.</summary>
    public string Title { get; }

    /// <summary>The composite format of each finding's message.</summary>
    public string MessageFormat { get; }

    /// <summary>The area the rule belongs to.</summary>
    public RuleCategory Category { get; }

    /// <summary>The severity unless configuration overrides it.</summary>
    public DiagnosticSeverity DefaultSeverity { get; }

    /// <summary>Why the rule matters (Markdown).</summary>
    public string Description { get; }

    /// <summary>How to fix what the rule reports (Markdown), or null.</summary>
    public string? HowToFix { get; }

    /// <summary>The rule's documentation page.</summary>
    public Uri HelpUri { get; }

    /// <summary>False for opt-in rules.</summary>
    public bool IsEnabledByDefault { get; }

    /// <summary>How many arguments <see cref="MessageFormat"/> expects: the highest placeholder index plus one.</summary>
    public int ArgumentCount => Placeholders is { Count: > 0 } p ? p[^1] + 1 : 0;

    /// <summary>True when the message format is a valid composite format whose placeholders are <c>{0}</c>..<c>{n}</c> without gaps.</summary>
    public bool HasWellFormedMessage => Placeholders is { } p && K8sLandscape.Analyzers.MessageFormat.IsContiguous(p);

    // Null when the format is not a valid composite format.
    internal IReadOnlyList<int>? Placeholders { get; }

    /// <summary>Formats a message with invariant culture (so reports do not depend on the machine's locale).</summary>
    /// <exception cref="ArgumentException">The number of arguments does not match the placeholders.</exception>
    public string FormatMessage(params object?[] args)
    {
        args ??= [];
        if (!HasWellFormedMessage)
            throw new ArgumentException($"Rule {Id}'s message format is not a valid composite format with placeholders {{0}}..{{n}}: \"{MessageFormat}\".", nameof(args));
        if (args.Length != ArgumentCount)
            throw new ArgumentException($"Rule {Id}'s message format expects {ArgumentCount} argument(s) but {args.Length} were given.", nameof(args));
        return string.Format(CultureInfo.InvariantCulture, MessageFormat, args);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id}: {Title}";
}
