using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Configuration;

/// <summary>A configuration value as written, with its key path and position (for error messages).</summary>
internal sealed record ConfigScalar(string Key, string Value, SourceSpan Location);

/// <summary>One entry under <c>rules:</c>.</summary>
internal sealed record ConfigRule(ConfigScalar Id, ConfigScalar? Enabled, ConfigScalar? Severity)
{
    public RuleSettings? Settings { get; init; }
}

/// <summary>One entry under <c>ignore:</c>; <see cref="Rule"/> and <see cref="Reason"/> are checked for presence while reading.</summary>
internal sealed record ConfigIgnore(string Key, SourceSpan Location)
{
    public ConfigScalar? Rule { get; set; }

    public ConfigScalar? Kind { get; set; }

    public ConfigScalar? Namespace { get; set; }

    public ConfigScalar? Name { get; set; }

    public ConfigScalar? Path { get; set; }

    public ConfigScalar? Reason { get; set; }
}

/// <summary>
/// A configuration file read but not yet judged: every value is kept as text with its position,
/// so the validator can name the line and key of a bad value.
/// </summary>
internal sealed class ConfigDocument
{
    public required string Path { get; init; }

    public ConfigScalar? KubernetesVersion { get; set; }

    public ConfigScalar? MinimumSeverity { get; set; }

    public List<ConfigRule> Rules { get; } = [];

    public List<ConfigScalar> ExcludedPaths { get; } = [];

    public List<ConfigScalar> ExcludedNamespaces { get; } = [];

    public List<ConfigScalar> Catalog { get; } = [];

    public List<ConfigScalar> Plugins { get; } = [];

    public List<ConfigIgnore> Ignores { get; } = [];

    public List<ConfigScalar> MustMatch { get; } = [];

    /// <summary>Problems of shape (unknown keys, a list where a mapping belongs), found while reading.</summary>
    public List<ConfigurationError> ShapeErrors { get; } = [];
}
