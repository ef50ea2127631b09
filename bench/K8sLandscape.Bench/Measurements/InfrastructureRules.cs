using System.Diagnostics;
using System.Globalization;
using K8sLandscape.Analyzers;
using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Bench.Measurements;

/// <summary>
/// The infrastructure rules (KL1xxx-KL4xxx analyzers: runtime, network, storage, devices) alone on a
/// landscape built once in <see cref="Setup"/>: compare with <c>load</c> on the same file.
/// </summary>
internal sealed class InfrastructureRules : Measurement
{
    private static readonly string[] Areas =
    [
        "K8sLandscape.Analyzers.Rules.Runtime",
        "K8sLandscape.Analyzers.Rules.Network",
        "K8sLandscape.Analyzers.Rules.Storage",
        "K8sLandscape.Analyzers.Rules.Devices",
    ];

    private Landscape? _landscape;
    private AnalyzerEngine? _engine;
    private string? _setupNote;

    public override string Name => "infra-rules";

    public override string Description => "the runtime, network, storage and devices analyzers (KL1001-KL4003) on a landscape built once, untimed";

    public override int Order => 60;

    public override void Setup(string file)
    {
        var load = Stopwatch.StartNew();
        var result = new ManifestLoader().Load(file);
        load.Stop();
        var build = Stopwatch.StartNew();
        _landscape = Landscape.Build(result);
        build.Stop();
        // The rule classes are internal and found by assembly scanning, like the engine's built-ins.
        var analyzers = typeof(LandscapeAnalyzer).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(LandscapeAnalyzer)) && !t.IsAbstract && Areas.Contains(t.Namespace, StringComparer.Ordinal))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (LandscapeAnalyzer)Activator.CreateInstance(t, nonPublic: true)!)
            .ToArray();
        _engine = new AnalyzerEngine(analyzers);
        _setupNote = string.Create(CultureInfo.InvariantCulture,
            $"{analyzers.Length} analyzers; setup load {load.Elapsed.TotalSeconds:F2} s, landscape build {build.Elapsed.TotalSeconds:F2} s");
    }

    public override RunOutcome Run(string file)
    {
        var findings = _engine!.Run(_landscape!).Findings;
        var byRule = string.Join(", ", findings.GroupBy(f => f.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}×{g.Count()}")));
        return new RunOutcome(_landscape!.Objects.All.Count, $"{_setupNote}; {findings.Count} findings ({byRule})");
    }
}
