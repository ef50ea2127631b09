using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers.Configuration;

/// <summary>
/// Immutable settings of an analysis run: rule switches and severities, the minimum severity
/// reported, excluded paths and namespaces, user catalog files and the Kubernetes version the landscape
/// is to be built for.
/// Read them from <c>.k8s-landscape.yaml</c> with <see cref="AnalysisConfigFile"/> or build them in
/// code with <see cref="AnalysisOptionsBuilder"/>.
/// </summary>
public sealed record AnalysisOptions
{
    /// <summary>Every rule at its default, nothing excluded.</summary>
    public static AnalysisOptions Default { get; } = new();

    private readonly KubernetesVersion? _kubernetesVersion;

    /// <summary>
    /// The Kubernetes version the configuration asks for (<c>kubernetesVersion:</c>, <c>--kubernetes-version</c>).
    /// Rules judge against <see cref="Landscape.KubernetesVersion"/>, the one place the version lives;
    /// build the landscape with <see cref="ToLandscapeOptions"/> to carry this value there.
    /// </summary>
    [Obsolete("Rules judge against Landscape.KubernetesVersion: build the landscape with LandscapeOptions.KubernetesVersion (AnalysisOptions.ToLandscapeOptions carries the configured version there).")]
    public KubernetesVersion? KubernetesVersion
    {
        get => _kubernetesVersion;
        init => _kubernetesVersion = value;
    }

    // The configured version without the obsolete accessor, for the configuration readers.
    internal KubernetesVersion? ConfiguredKubernetesVersion
    {
        get => _kubernetesVersion;
        init => _kubernetesVersion = value;
    }

    /// <summary>
    /// The settings to build the landscape this configuration analyzes: the configured Kubernetes
    /// version (null means <see cref="KubernetesVersion.Latest"/>) and <paramref name="catalog"/>.
    /// </summary>
    public LandscapeOptions ToLandscapeOptions(ComponentCatalog? catalog = null) =>
        new() { Catalog = catalog, KubernetesVersion = _kubernetesVersion };

    /// <summary>Findings below this severity are left out of the result.</summary>
    public DiagnosticSeverity MinimumSeverity { get; init; } = DiagnosticSeverity.Info;

    /// <summary>Per-rule settings keyed by rule id (ordinal).</summary>
    public IReadOnlyDictionary<string, RuleOptions> Rules { get; init; } = new Dictionary<string, RuleOptions>(StringComparer.Ordinal);

    /// <summary>
    /// Globs of paths whose findings are left out (<c>vendor/**</c>, <c>**/generated/*.yaml</c>),
    /// matched against paths relative to <see cref="BaseDirectory"/> with <c>/</c> separators.
    /// </summary>
    public IReadOnlyList<string> ExcludedPaths { get; init; } = [];

    /// <summary>Namespaces whose objects' findings are left out.</summary>
    public IReadOnlyList<string> ExcludedNamespaces { get; init; } = [];

    /// <summary>Paths of user catalog files, carried for the catalog loader (relative to <see cref="BaseDirectory"/>).</summary>
    public IReadOnlyList<string> CatalogFiles { get; init; } = [];

    /// <summary>Paths of rule assemblies (<c>plugins:</c>), carried for the host that loads them (relative to <see cref="BaseDirectory"/>).</summary>
    public IReadOnlyList<string> PluginFiles { get; init; } = [];

    /// <summary>Findings accepted without an annotation (<c>ignore:</c>): kept, marked as suppressed with the entry's reason.</summary>
    public IReadOnlyList<IgnoreEntry> Ignores { get; init; } = [];

    /// <summary>
    /// Extension points (<c>pod-network</c>, or a prefix ending in <c>*</c> such as <c>api-group:*</c>)
    /// where <c>compare</c> fails (exit code 1) on any difference: <c>compare: mustMatch:</c>.
    /// </summary>
    public IReadOnlyList<string> MustMatch { get; init; } = [];

    /// <summary>The folder relative paths are resolved against: the configuration file's folder, or the working folder when null.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>The configuration file these options were read from, or null.</summary>
    public string? SourceFile { get; init; }

    /// <summary>Analyzers run at once; defaults to the number of cores.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>True when the rule runs: its setting, or else its default.</summary>
    public bool IsEnabled(RuleDescriptor rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Rules.TryGetValue(rule.Id, out var o) && o.Enabled is { } e ? e : rule.IsEnabledByDefault;
    }

    /// <summary>The rule's own settings (<c>rules: { ID: { options: ... } }</c>); <see cref="RuleSettings.Empty"/> when none are set.</summary>
    public RuleSettings SettingsOf(string ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        return Rules.TryGetValue(ruleId, out var o) ? o.Settings : RuleSettings.Empty;
    }

    /// <summary>The severity findings of the rule get: its setting, or else <paramref name="fallback"/> (the rule's default when null).</summary>
    public DiagnosticSeverity SeverityOf(RuleDescriptor rule, DiagnosticSeverity? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Rules.TryGetValue(rule.Id, out var o) && o.Severity is { } s ? s : fallback ?? rule.DefaultSeverity;
    }
}
