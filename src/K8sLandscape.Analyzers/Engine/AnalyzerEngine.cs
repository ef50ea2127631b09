using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Analyzers.Validation;
using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers;

/// <summary>
/// Runs analyzers over a landscape. Built once from analyzers, object validators and options: the
/// constructor rejects duplicate, malformed or reserved rule ids and unknown rule ids in options.
/// <see cref="Run"/> runs the analyzers concurrently (bounded by <see cref="AnalysisOptions.MaxParallelism"/>),
/// isolates one that throws as a KL0001 finding, applies suppressions, exclusions and severities, and
/// returns findings in a deterministic order. Thread-safe; build it once and run it many times.
/// </summary>
public sealed class AnalyzerEngine
{
    private readonly LandscapeAnalyzer[] _analyzers;
    private readonly RuleDescriptor[][] _declared;
    private readonly PathGlob[] _excludedPaths;
    private readonly HashSet<string> _excludedNamespaces;
    private readonly Dictionary<string, RuleDescriptor> _rulesById;
    private readonly IgnoreMatcher _ignores;

    /// <summary>Builds an engine. Prefer <see cref="LandscapeAnalysis.Create(AnalysisOptions?)"/> or <c>services.AddK8sLandscape()</c>, which add the built-in rules.</summary>
    /// <param name="analyzers">The analyzers; a second instance of the same type is ignored.</param>
    /// <param name="validators">Object validators, surfaced through one adapter; a second instance of the same type is ignored.</param>
    /// <param name="options">The options; <see cref="AnalysisOptions.Default"/> when null.</param>
    /// <exception cref="AnalyzerRegistrationException">A duplicate, malformed or reserved rule id, or a malformed message format.</exception>
    /// <exception cref="ConfigurationException">The options name a rule id no analyzer declares.</exception>
    public AnalyzerEngine(IEnumerable<LandscapeAnalyzer> analyzers, IEnumerable<IObjectValidator>? validators = null, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(analyzers);
        Options = options ?? AnalysisOptions.Default;
        var distinctAnalyzers = DistinctByType(analyzers);
        var distinctValidators = DistinctByType(validators ?? []);

        var owners = new Dictionary<string, (string Owner, RuleDescriptor Rule)>(StringComparer.Ordinal)
        {
            [AnalyzerCrashedRule.Descriptor.Id] = ("the engine", AnalyzerCrashedRule.Descriptor),
            [UnknownSuppressionRule.Descriptor.Id] = ("the engine", UnknownSuppressionRule.Descriptor),
        };
        var declared = new List<RuleDescriptor[]>();
        foreach (var a in distinctAnalyzers)
        {
            var rules = a.SupportedRules?.ToArray()
                ?? throw new AnalyzerRegistrationException(a.Name, null, $"Analyzer '{a.Name}' returns null from SupportedRules.");
            Accept(a.Name, a.GetType(), rules, owners);
            declared.Add(rules.Distinct().ToArray());
        }

        foreach (var v in distinctValidators)
        {
            var name = v.GetType().FullName ?? v.GetType().Name;
            Accept(name, v.GetType(), [v.Rule], owners);
            if (v.Kinds is null || v.Kinds.Count == 0)
                throw new AnalyzerRegistrationException(name, v.Rule.Id, $"Validator '{name}' declares no kinds to check.");
        }

        var all = distinctAnalyzers.ToList();
        if (distinctValidators.Count > 0)
        {
            var adapter = new ObjectValidationAnalyzer(distinctValidators);
            all.Add(adapter);
            declared.Add(adapter.SupportedRules.ToArray());
        }

        _analyzers = all.ToArray();
        _declared = declared.ToArray();
        _rulesById = owners.ToDictionary(p => p.Key, p => p.Value.Rule, StringComparer.Ordinal);
        Rules = _rulesById.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();
        Analyzers = distinctAnalyzers;
        Validators = distinctValidators;

        var unknown = Options.Rules
            .Where(p => !_rulesById.ContainsKey(p.Key))
            .Select(p => new ConfigurationError(p.Value.Source, "rules." + p.Key, $"unknown rule id '{p.Key}'; 'k8s-landscape rules' lists every rule"))
            .Concat(Options.Ignores
                .Select((e, i) => (Entry: e, Index: i))
                .Where(p => !_rulesById.ContainsKey(p.Entry.Rule))
                .Select(p => new ConfigurationError(p.Entry.Source, $"ignore[{p.Index}].rule", $"unknown rule id '{p.Entry.Rule}'; 'k8s-landscape rules' lists every rule")))
            .OrderBy(e => e.Location).ThenBy(e => e.Key, StringComparer.Ordinal)
            .ToArray();
        if (unknown.Length > 0) throw new ConfigurationException(unknown);

        _excludedPaths = Options.ExcludedPaths.Select(p => PathGlob.TryCreate(p, out var g)
            ? g
            : throw new ConfigurationException([new ConfigurationError(SourceSpan.None, "exclude.paths", $"'{p}' is not a path glob")])).ToArray();
        _excludedNamespaces = new HashSet<string>(Options.ExcludedNamespaces, StringComparer.Ordinal);
        _ignores = new IgnoreMatcher(Options.Ignores);
    }

    /// <summary>The options of every run.</summary>
    public AnalysisOptions Options { get; }

    /// <summary>Every rule the engine can report (KL0001 included), sorted by id.</summary>
    public IReadOnlyList<RuleDescriptor> Rules { get; }

    /// <summary>The analyzers, one per type, in registration order (the validation adapter not included).</summary>
    public IReadOnlyList<LandscapeAnalyzer> Analyzers { get; }

    /// <summary>The object validators, one per type, in registration order.</summary>
    public IReadOnlyList<IObjectValidator> Validators { get; }

    /// <summary>The rule with this id, or null.</summary>
    public RuleDescriptor? FindRule(string id) => _rulesById.GetValueOrDefault(id);

    /// <summary>Runs every analyzer over the landscape.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public AnalysisResult Run(Landscape landscape, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(landscape);
        cancellationToken.ThrowIfCancellationRequested();
        var contexts = new AnalysisContext[_analyzers.Length];
        var settingsErrors = new List<ConfigurationError>();
        for (var i = 0; i < _analyzers.Length; i++)
            contexts[i] = new AnalysisContext(landscape, _analyzers[i].Name, _declared[i], Options, cancellationToken);

        try
        {
            Parallel.For(
                0,
                _analyzers.Length,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Options.MaxParallelism), CancellationToken = cancellationToken },
                i => RunOne(_analyzers[i], _declared[i], contexts[i], settingsErrors, cancellationToken));
        }
        catch (AggregateException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (settingsErrors.Count > 0)
            throw new ConfigurationException(settingsErrors.Distinct().OrderBy(e => e.Location).ThenBy(e => e.Key, StringComparer.Ordinal).ToArray());

        var suppressions = new Suppressions(landscape, _ignores, RelativePath);
        var paths = new Dictionary<string, bool>(StringComparer.Ordinal);
        var findings = new List<Finding>();
        foreach (var f in contexts.SelectMany(c => c.Findings).Concat(UnknownSuppressionIds(suppressions)))
        {
            if (f.Severity < Options.MinimumSeverity) continue;
            if (f.Subject?.Namespace is { } ns && _excludedNamespaces.Contains(ns)) continue;
            if (_excludedPaths.Length > 0 && f.Location.IsKnown && IsExcluded(f.Location.Path, paths)) continue;
            findings.Add(suppressions.Apply(f));
        }

        findings.Sort(FindingComparer.Instance);
        return new AnalysisResult(findings, Rules);
    }

    private IEnumerable<Finding> UnknownSuppressionIds(Suppressions suppressions)
    {
        var rule = UnknownSuppressionRule.Descriptor;
        if (!Options.IsEnabled(rule)) yield break;
        foreach (var (o, ids) in suppressions.Annotated)
        {
            foreach (var id in ids.Where(i => i != SuppressionAnnotations.All && !_rulesById.ContainsKey(i)).Order(StringComparer.Ordinal))
            {
                var at = o.LocationOf($"metadata.annotations[{SuppressionAnnotations.Ignore}]");
                yield return new Finding(rule, Options.SeverityOf(rule), rule.FormatMessage(SuppressionAnnotations.Ignore, o.Ref, id), at, subject: o.Ref);
            }
        }
    }

    private void RunOne(LandscapeAnalyzer analyzer, RuleDescriptor[] rules, AnalysisContext context, List<ConfigurationError> settingsErrors, CancellationToken ct)
    {
        if (!rules.Any(Options.IsEnabled)) return;
        try
        {
            analyzer.Analyze(context);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (ConfigurationException ex) when (ex.Errors.Count > 0)
        {
            // A rule's settings do not bind to its settings type: a configuration error (exit 2), not a crash.
            lock (settingsErrors) settingsErrors.AddRange(ex.Errors);
        }
#pragma warning disable CA1031 // Isolating a failing analyzer is the point: any exception becomes a KL0001 finding.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            context.ReportCrash(analyzer.Name, ex);
        }
    }

    private bool IsExcluded(string path, Dictionary<string, bool> cache)
    {
        lock (cache)
        {
            if (cache.TryGetValue(path, out var known)) return known;
        }

        var relative = RelativePath(path);
        var excluded = _excludedPaths.Any(g => g.IsMatch(relative));
        lock (cache) cache[path] = excluded;
        return excluded;
    }

    private string RelativePath(string path)
    {
        if (path == ManifestLoader.StandardInput) return path;
        try
        {
            var baseDir = Options.BaseDirectory ?? Directory.GetCurrentDirectory();
            var r = Path.GetRelativePath(baseDir, Path.GetFullPath(path));
            if (!r.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(r)) return r;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            // Not a file path (a cluster location): match it as written.
        }

        return path;
    }

    private static void Accept(string owner, Type type, RuleDescriptor[] rules, Dictionary<string, (string Owner, RuleDescriptor Rule)> owners)
    {
        var builtIn = RuleScanner.IsBuiltIn(type);
        foreach (var rule in rules)
        {
            if (rule is null) throw new AnalyzerRegistrationException(owner, null, $"'{owner}' declares a null rule.");
            var id = rule.Id;
            if (!RuleIds.IsWellFormed(id))
                throw new AnalyzerRegistrationException(owner, id, $"'{owner}' declares rule id '{id}', which is malformed: use 2–8 capital letters then 3–5 digits, such as ACME001.");
            if (!builtIn && RuleIds.IsReserved(id))
                throw new AnalyzerRegistrationException(owner, id, $"'{owner}' declares rule id '{id}', but the '{RuleIds.ReservedPrefix}' prefix is reserved for built-in rules: use your own prefix, such as ACME001.");
            if (!rule.HasWellFormedMessage)
                throw new AnalyzerRegistrationException(owner, id, $"'{owner}' declares rule {id} with message format \"{rule.MessageFormat}\", which is not a composite format with placeholders {{0}}..{{n}} without gaps.");
            if (owners.TryGetValue(id, out var existing))
            {
                if (ReferenceEquals(existing.Rule, rule) && existing.Owner == owner) continue;
                throw new AnalyzerRegistrationException(owner, id, $"'{owner}' declares rule id '{id}', which '{existing.Owner}' already declares: rule ids must be unique.");
            }

            owners[id] = (owner, rule);
        }
    }

    private static List<T> DistinctByType<T>(IEnumerable<T> items)
        where T : class
    {
        var seen = new HashSet<Type>();
        var result = new List<T>();
        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(items));
            if (seen.Add(item.GetType())) result.Add(item);
        }

        return result;
    }
}
