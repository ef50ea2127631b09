using System.Reflection;
using K8sLandscape.Analyzers.Baselines;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Sources;

namespace K8sLandscape.Analyzers.Reporting;

/// <summary>
/// Everything a report shows, bundled once so every <see cref="IReportWriter"/> renders the same
/// facts: the landscape, the findings, the rules that ran, what a cluster read covered and the tool
/// that made it. Paths are shown relative to <see cref="BaseDirectory"/> so a report does not depend
/// on where the repository was checked out.
/// </summary>
public sealed class AnalysisReport
{
    private readonly Lazy<SubjectLocator> _locator;
    private readonly Lazy<BaselineComparison?> _comparison;

    /// <summary>Creates a report of one run.</summary>
    /// <param name="landscape">The landscape that was analyzed.</param>
    /// <param name="result">What the run found.</param>
    /// <param name="rules">The rules that ran; every rule of <paramref name="result"/> when null. Rules of findings are always included.</param>
    public AnalysisReport(Landscape landscape, AnalysisResult result, IEnumerable<RuleDescriptor>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(landscape);
        ArgumentNullException.ThrowIfNull(result);
        Landscape = landscape;
        Result = result;
        var byId = new SortedDictionary<string, RuleDescriptor>(StringComparer.Ordinal);
        foreach (var r in rules ?? result.Rules) byId.TryAdd(r.Id, r);
        foreach (var f in result.Findings) byId.TryAdd(f.Id, f.Rule);
        Rules = byId.Values.ToArray();
        _locator = new Lazy<SubjectLocator>(() => new SubjectLocator(landscape));
        _comparison = new Lazy<BaselineComparison?>(() => Baseline?.Compare(this));
    }

    /// <summary>The name of the tool in reports.</summary>
    public const string ToolName = "k8s-landscape";


    /// <summary>The report of a run made by <paramref name="engine"/>: the rules that ran are those its options enable.</summary>
    public static AnalysisReport Create(Landscape landscape, AnalyzerEngine engine, AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return new AnalysisReport(landscape, result, engine.Rules.Where(engine.Options.IsEnabled));
    }

    /// <summary>The landscape that was analyzed.</summary>
    public Landscape Landscape { get; }

    /// <summary>What the run found.</summary>
    public AnalysisResult Result { get; }

    /// <summary>
    /// Every finding, suppressed ones included, in the engine's deterministic order; with a
    /// <see cref="Baseline"/>, only the findings it does not hold.
    /// </summary>
    public IReadOnlyList<Finding> Findings => BaselineComparison?.New ?? Result.Findings;

    /// <summary>Findings accepted earlier: those it holds are left out of <see cref="Findings"/> (and so of the summary and exit code).</summary>
    public Baseline? Baseline { get; init; }

    /// <summary>The run against <see cref="Baseline"/>, or null without one.</summary>
    public BaselineComparison? BaselineComparison => _comparison.Value;

    /// <summary>The rules that ran (and any rule a finding names), sorted by id.</summary>
    public IReadOnlyList<RuleDescriptor> Rules { get; }

    /// <summary>What a cluster read did and did not cover, or null when the input was files.</summary>
    public ClusterCoverage? Coverage { get; init; }

    /// <summary>The folder paths are shown relative to (and SARIF's <c>%SRCROOT%</c>); the working folder when null.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>The tool version written into reports; the library's version by default.</summary>
    public string ToolVersion { get; init; } = LibraryVersion;

    /// <summary>
    /// The absolute address relative rule help pages (<c>docs/rules/KL3001.md</c>) are resolved
    /// against, such as the repository's address on the web; when null, reports that need an
    /// absolute address (SARIF <c>helpUri</c>) leave it out and carry the rule's text instead.
    /// </summary>
    public Uri? DocumentationBaseUri { get; init; }

    /// <summary>The inputs as given (paths, <c>-</c> for standard input), for the report's header.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>Counts of active findings per severity, and of suppressed ones.</summary>
    public ReportSummary Summary => ReportSummary.Of(Findings);

    /// <summary>The library's version without build metadata, such as <c>0.1.0</c>.</summary>
    public static string LibraryVersion { get; } = ReadVersion();

    /// <summary>The folder relative paths are resolved against.</summary>
    public string EffectiveBaseDirectory => Path.GetFullPath(BaseDirectory ?? Directory.GetCurrentDirectory());

    /// <summary>
    /// A source path as reports show it: relative to <see cref="BaseDirectory"/> with <c>/</c>
    /// separators when the file is below it; as given otherwise. Standard input (<c>-</c>) and
    /// cluster locations are kept as they are.
    /// </summary>
    public string DisplayPath(string path) => DisplayPath(path, EffectiveBaseDirectory);

    /// <summary>
    /// A source path shown relative to <paramref name="baseDirectory"/> (with <c>/</c> separators)
    /// when the file is below it, as given otherwise; standard input and cluster locations as they
    /// are. The one rule every report and command uses to print paths.
    /// </summary>
    public static string DisplayPath(string path, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        if (!IsFilePath(path)) return path;
        var full = Path.GetFullPath(path, baseDirectory);
        var relative = Path.GetRelativePath(baseDirectory, full);
        if (!IsOutside(relative)) return relative.Replace('\\', '/');
        return Path.IsPathRooted(path) ? full : path.Replace('\\', '/');
    }

    /// <summary>A location as reports show it: <c>path:line</c> (no line when it is unknown).</summary>
    public string DisplayLocation(SourceSpan span) => span.Line > 0 ? $"{DisplayPath(span.Path)}:{span.Line}" : DisplayPath(span.Path);

    /// <summary>The object defined at a location (the document starting there, or else the one the line falls in), or null.</summary>
    public ObjectRef? SubjectAt(SourceSpan span) => _locator.Value.Find(span);

    /// <summary>A rule's help page as an absolute address, or null when it is relative and <see cref="DocumentationBaseUri"/> is not set.</summary>
    public Uri? HelpUriOf(RuleDescriptor rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.HelpUri.IsAbsoluteUri) return rule.HelpUri;
        return DocumentationBaseUri is { IsAbsoluteUri: true } b ? new Uri(b, rule.HelpUri) : null;
    }

    /// <summary>The area a rule belongs to, as <see cref="ReportAreas"/> names it.</summary>
    public static string AreaOf(RuleDescriptor rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return ReportAreas.Of(rule.Category);
    }

    internal static bool IsFilePath(string path) =>
        path.Length > 0 && path != ManifestLoader.StandardInput && !path.Contains("://", StringComparison.Ordinal) && !path.StartsWith('<');

    internal static bool IsOutside(string relative) =>
        Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || relative.StartsWith("..\\", StringComparison.Ordinal);

    private static string ReadVersion()
    {
        var v = typeof(AnalysisReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = v.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? v[..plus] : v;
    }
}
