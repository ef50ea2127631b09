using System.Text;
using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Analyzers.Validation;
using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers.Tests.Verification;

/// <summary>
/// The one way rule tests run a rule, modeled on roslyn-sdk's analyzer verifiers: the input carries
/// <see cref="Markers"/> where findings must appear; <see cref="Verify(LandscapeAnalyzer, RuleInput, ExpectedFinding[])"/>
/// loads it with the real <see cref="ManifestLoader"/> (one thread), builds the landscape, runs the rule
/// class under test alone (its opt-in rules enabled) and requires the set of (rule id, file, line) of
/// the active findings to equal the markers plus any expectations given for files that cannot carry
/// markers (corpus, sample). It returns every finding, suppressed ones too, sorted, for checks of
/// message, severity, related locations or suppression.
/// </summary>
internal static class RuleVerifier
{
    private static readonly LoaderOptions Serial = new() { MaxParallelism = 1 };

    /// <summary>Verifies an analyzer against one marked YAML text named <c>test.yaml</c>.</summary>
    public static IReadOnlyList<Finding> Verify(LandscapeAnalyzer analyzer, string yaml) => Verify(analyzer, RuleInput.Yaml(yaml));

    /// <summary>Verifies an analyzer: its active findings are exactly the markers plus <paramref name="unmarked"/>.</summary>
    public static IReadOnlyList<Finding> Verify(LandscapeAnalyzer analyzer, RuleInput input, params ExpectedFinding[] unmarked) =>
        Verify(Engine(analyzer), input, null, unmarked);

    /// <summary>Verifies a validator: its active findings are exactly the markers plus <paramref name="unmarked"/>.</summary>
    public static IReadOnlyList<Finding> Verify(IObjectValidator validator, RuleInput input, params ExpectedFinding[] unmarked) =>
        Verify(Engine(validator), input, null, unmarked);

    /// <summary>
    /// Verifies what an engine reports, counting only the findings in <paramref name="scope"/> (the
    /// engine's own rules run beside every analyzer, so their tests look at those rules alone).
    /// </summary>
    public static IReadOnlyList<Finding> Verify(AnalyzerEngine engine, RuleInput input, Func<Finding, bool>? scope, params ExpectedFinding[] unmarked)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var (landscape, markers) = Load(input);
        var all = engine.Run(landscape).Findings.Where(f => scope?.Invoke(f) ?? true).OrderBy(f => f.Location).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        var findings = all.Where(f => !f.Suppressed).ToList();
        var expected = markers.Concat(unmarked).ToList();
        var actual = findings.Select(f => new ExpectedFinding(f.Id, RuleInput.Display(f.Location.Path), f.Location.Line)).ToList();
        var missing = Except(expected, actual, removeNamesWholePaths: true);
        var unexpected = Except(actual, expected, removeNamesWholePaths: false);
        if (missing.Count > 0 || unexpected.Count > 0) Assert.Fail(Describe(input, expected, findings, missing, unexpected));
        return all;
    }

    /// <summary>The landscape of an input (markers stripped) and the findings its markers expect.</summary>
    public static (Landscape Landscape, IReadOnlyList<ExpectedFinding> Markers) Load(RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var loader = new ManifestLoader(Serial);
        var objects = new List<KubeObject>();
        var diagnostics = new List<LoadDiagnostic>();
        var markers = new List<ExpectedFinding>();
        var disk = new List<string>();
        foreach (var (path, content) in input.Entries)
        {
            if (content is null)
            {
                disk.Add(path);
                continue;
            }

            LoadDisk();
            var (stripped, expected) = Markers.Strip(content, path);
            markers.AddRange(expected);
            using var stream = new MemoryStream(stripped);
            Add(loader.LoadStream(stream, path));
        }

        LoadDisk();
        return (Landscape.Build(objects, null, diagnostics), markers);

        // Neighbouring corpus and sample entries load in one run, as one command line would load them.
        void LoadDisk()
        {
            if (disk.Count == 0) return;
            Add(loader.Load(disk));
            disk.Clear();
        }

        void Add(LoadResult r)
        {
            objects.AddRange(r.Objects);
            diagnostics.AddRange(r.Diagnostics);
        }
    }

    /// <summary>The landscape of an input, for tests that assert on the model or run the rule themselves.</summary>
    public static Landscape LandscapeOf(RuleInput input) => Load(input).Landscape;

    /// <summary>The active and suppressed findings of one analyzer over a landscape, with its rules enabled (opt-in ones too) unless options are given.</summary>
    public static IReadOnlyList<Finding> Run(LandscapeAnalyzer analyzer, Landscape landscape, AnalysisOptions? options = null) =>
        Engine(analyzer, options).Run(landscape).Findings;

    /// <summary>An engine with the analyzer alone, its rules enabled (opt-in ones too) unless options are given, on one thread.</summary>
    public static AnalyzerEngine Engine(LandscapeAnalyzer analyzer, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        return new AnalyzerEngine([analyzer], null, options ?? Enabled(analyzer.SupportedRules));
    }

    /// <summary>An engine with the validator alone, on one thread.</summary>
    public static AnalyzerEngine Engine(IObjectValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        return new AnalyzerEngine([], [validator], Enabled([validator.Rule]));
    }

    /// <summary>Options that enable the given rules (opt-in ones too) and run on one thread.</summary>
    public static AnalysisOptions Enabled(IEnumerable<RuleDescriptor> rules)
    {
        var options = new AnalysisOptionsBuilder { MaxParallelism = 1 };
        foreach (var r in rules) options.EnableRule(r.Id);
        return options.Build();
    }

    /// <summary>A location at the start of a line, as findings about a whole line carry it.</summary>
    public static SourceSpan At(string path, int line) => new(path, line, 1);

    /// <summary>The file name and line of a location (corpus paths are absolute and machine-dependent).</summary>
    public static (string File, int Line) Line(SourceSpan span) => (Path.GetFileName(span.Path), span.Line);

    /// <summary>The file names and lines of locations, for readable assertions.</summary>
    public static (string File, int Line)[] Lines(IEnumerable<SourceSpan> spans) => spans.Select(Line).ToArray();

    private static List<ExpectedFinding> Except(List<ExpectedFinding> from, List<ExpectedFinding> remove, bool removeNamesWholePaths)
    {
        // A multiset difference: two findings of one rule on one line need two markers.
        var left = from.ToList();
        foreach (var r in remove)
        {
            var i = left.FindIndex(l => removeNamesWholePaths ? Matches(l, r) : Matches(r, l));
            if (i >= 0) left.RemoveAt(i);
        }

        return left;
    }

    // An expectation may name a file by its trailing path segments (a corpus file by its name).
    private static bool Matches(ExpectedFinding expected, ExpectedFinding actual) =>
        expected.RuleId == actual.RuleId && expected.Line == actual.Line
        && (expected.File == actual.File || actual.File.EndsWith("/" + expected.File, StringComparison.Ordinal));

    private static string Describe(RuleInput input, List<ExpectedFinding> expected, List<Finding> findings, List<ExpectedFinding> missing, List<ExpectedFinding> unexpected)
    {
        var s = new StringBuilder();
        s.AppendLine($"The findings over {input} differ from the expected (rule, file:line) set.");
        s.AppendLine("Missing (expected, not reported):");
        foreach (var m in missing) s.AppendLine($"  {m}");
        s.AppendLine("Unexpected (reported, not expected):");
        foreach (var u in unexpected) s.AppendLine($"  {u}");
        s.AppendLine("Expected:");
        foreach (var e in expected.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.RuleId, StringComparer.Ordinal)) s.AppendLine($"  {e}");
        s.AppendLine("Actual:");
        foreach (var f in findings)
            s.AppendLine($"  {f.Id} {RuleInput.Display(f.Location.Path)}:{f.Location.Line} {SeverityText.Format(f.Severity)}: {f.Message}");
        return s.ToString();
    }
}
