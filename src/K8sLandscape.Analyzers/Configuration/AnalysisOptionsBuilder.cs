using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers.Configuration;

/// <summary>
/// The mutable form of <see cref="AnalysisOptions"/> handed to <c>AddK8sLandscape(options =&gt; ...)</c>
/// and <see cref="LandscapeAnalysis.Create(Action{AnalysisOptionsBuilder})"/>. Later calls win.
/// </summary>
public sealed class AnalysisOptionsBuilder
{
    private readonly SortedDictionary<string, RuleOptions> _rules = new(StringComparer.Ordinal);

    /// <summary>The Kubernetes version to build the landscape for (see <see cref="AnalysisOptions.ToLandscapeOptions"/>); null means the newest known.</summary>
    public KubernetesVersion? KubernetesVersion { get; set; }

    /// <summary>Findings below this severity are left out.</summary>
    public DiagnosticSeverity MinimumSeverity { get; set; } = DiagnosticSeverity.Info;

    /// <summary>Globs of paths whose findings are left out.</summary>
    public IList<string> ExcludedPaths { get; } = [];

    /// <summary>Namespaces whose objects' findings are left out.</summary>
    public IList<string> ExcludedNamespaces { get; } = [];

    /// <summary>Paths of user catalog files.</summary>
    public IList<string> CatalogFiles { get; } = [];

    /// <summary>Paths of rule assemblies, carried for the host that loads them.</summary>
    public IList<string> PluginFiles { get; } = [];

    /// <summary>Findings accepted without an annotation, kept and marked as suppressed.</summary>
    public IList<IgnoreEntry> Ignores { get; } = [];

    /// <summary>Extension points <c>compare</c> requires to match.</summary>
    public IList<string> MustMatch { get; } = [];

    /// <summary>The folder relative paths are resolved against.</summary>
    public string? BaseDirectory { get; set; }

    /// <summary>Analyzers run at once.</summary>
    public int MaxParallelism { get; set; } = Environment.ProcessorCount;

    private string? SourceFile { get; set; }

    /// <summary>Reports a rule's findings with another severity.</summary>
    public AnalysisOptionsBuilder SetSeverity(string ruleId, DiagnosticSeverity severity) =>
        Update(ruleId, o => o with { Severity = severity });

    /// <summary>Switches a rule off.</summary>
    public AnalysisOptionsBuilder DisableRule(string ruleId) => Update(ruleId, o => o with { Enabled = false });

    /// <summary>Switches a rule on (needed for opt-in rules).</summary>
    public AnalysisOptionsBuilder EnableRule(string ruleId) => Update(ruleId, o => o with { Enabled = true });

    /// <summary>Gives a rule its own settings (an object whose properties the rule's settings type binds), as <c>options:</c> does in the file.</summary>
    public AnalysisOptionsBuilder SetRuleSettings(string ruleId, object settings) =>
        Update(ruleId, o => o with { Settings = RuleSettings.FromObject(ruleId, settings) });

    /// <summary>Accepts findings of a rule that match every criterion given, marking them suppressed with the reason.</summary>
    public AnalysisOptionsBuilder Ignore(IgnoreEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Reason, nameof(entry));
        Ignores.Add(entry);
        return this;
    }

    /// <summary>Applies every setting of a configuration file (see <see cref="AnalysisConfigFile.Load(string)"/>).</summary>
    /// <exception cref="ConfigurationException">The file is missing or invalid.</exception>
    public AnalysisOptionsBuilder UseConfigFile(string path) => Apply(AnalysisConfigFile.Load(path));

    /// <summary>Applies every setting of existing options over the current ones.</summary>
    public AnalysisOptionsBuilder Apply(AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        KubernetesVersion = options.ConfiguredKubernetesVersion ?? KubernetesVersion;
        MinimumSeverity = options.MinimumSeverity;
        foreach (var (id, o) in options.Rules)
        {
            var now = _rules.GetValueOrDefault(id) ?? new RuleOptions();
            _rules[id] = new RuleOptions(o.Enabled ?? now.Enabled, o.Severity ?? now.Severity)
            {
                Source = o.Source.IsKnown ? o.Source : now.Source,
                Settings = o.Settings.IsEmpty ? now.Settings : o.Settings,
            };
        }

        foreach (var p in options.ExcludedPaths) ExcludedPaths.Add(p);
        foreach (var n in options.ExcludedNamespaces) ExcludedNamespaces.Add(n);
        foreach (var c in options.CatalogFiles) CatalogFiles.Add(c);
        foreach (var p in options.PluginFiles) PluginFiles.Add(p);
        foreach (var i in options.Ignores) Ignores.Add(i);
        foreach (var m in options.MustMatch) MustMatch.Add(m);
        BaseDirectory = options.BaseDirectory ?? BaseDirectory;
        SourceFile = options.SourceFile ?? SourceFile;
        MaxParallelism = options.MaxParallelism;
        return this;
    }

    /// <summary>The immutable options.</summary>
    public AnalysisOptions Build() => new()
    {
        ConfiguredKubernetesVersion = KubernetesVersion,
        MinimumSeverity = MinimumSeverity,
        Rules = new SortedDictionary<string, RuleOptions>(_rules, StringComparer.Ordinal),
        ExcludedPaths = ExcludedPaths.Distinct(StringComparer.Ordinal).ToArray(),
        ExcludedNamespaces = ExcludedNamespaces.Distinct(StringComparer.Ordinal).ToArray(),
        CatalogFiles = CatalogFiles.Distinct(StringComparer.Ordinal).ToArray(),
        PluginFiles = PluginFiles.Distinct(StringComparer.Ordinal).ToArray(),
        Ignores = Ignores.Distinct().ToArray(),
        MustMatch = MustMatch.Distinct(StringComparer.Ordinal).ToArray(),
        BaseDirectory = BaseDirectory,
        SourceFile = SourceFile,
        MaxParallelism = Math.Max(1, MaxParallelism),
    };

    private AnalysisOptionsBuilder Update(string ruleId, Func<RuleOptions, RuleOptions> change)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        _rules[ruleId] = change(_rules.GetValueOrDefault(ruleId) ?? new RuleOptions());
        return this;
    }
}
