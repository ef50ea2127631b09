using System.Diagnostics;
using System.Globalization;
using K8sLandscape.Analyzers;
using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Bench.Measurements;

/// <summary>
/// The lifecycle and layer rules (KL7001–KL7006, KL8001–KL8005) alone over a landscape built once
/// in <see cref="Setup"/>. The rule classes are internal, so they are found by namespace through
/// reflection; the opt-in KL8005 is switched on so that every rule is timed. The note gives the
/// untimed load + build time of Setup and the rules' CPU time, for the rules-vs-load ratio.
/// </summary>
internal sealed class LifecycleLayerRules : Measurement
{
    private static readonly string[] Namespaces = ["K8sLandscape.Analyzers.Rules.Lifecycle", "K8sLandscape.Analyzers.Rules.Layers"];
    private Landscape? _landscape;
    private AnalyzerEngine? _engine;
    private string _setupNote = string.Empty;

    public override string Name => "rules-lifecycle";

    public override string Description => "KL7001-KL7006 and KL8001-KL8005 alone over a landscape built untimed";

    public override int Order => 60;

    public override bool RunsByDefault => false;

    public override void Setup(string file)
    {
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var load = new ManifestLoader().Load(file);
        var loaded = sw.Elapsed;
        _landscape = Landscape.Build(load);
        var built = sw.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpu0;

        var analyzers = typeof(LandscapeAnalyzer).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(LandscapeAnalyzer)) && !t.IsAbstract && Namespaces.Contains(t.Namespace, StringComparer.Ordinal))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (LandscapeAnalyzer)Activator.CreateInstance(t, nonPublic: true)!)
            .ToArray();
        var options = new AnalysisOptionsBuilder();
        foreach (var rule in analyzers.SelectMany(a => a.SupportedRules)) options.EnableRule(rule.Id);
        _engine = new AnalyzerEngine(analyzers, null, options.Build());
        _setupNote = string.Create(CultureInfo.InvariantCulture,
            $"{analyzers.Length} analyzers; setup load {loaded.TotalSeconds:F2} s + build {(built - loaded).TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU");
    }

    public override RunOutcome Run(string file)
    {
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var result = _engine!.Run(_landscape!);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpu0;
        var byRule = result.Findings.GroupBy(f => f.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}");
        return new RunOutcome(_landscape!.Objects.All.Count, string.Create(CultureInfo.InvariantCulture,
            $"{_setupNote}; rules CPU {cpu.TotalSeconds:F3} s; findings {string.Join(" ", byRule)}"));
    }
}
