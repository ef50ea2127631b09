using System.Diagnostics;
using System.Text;
using K8sLandscape.Analyzers;
using K8sLandscape.Analyzers.Reporting;
using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Bench.Measurements;

/// <summary>
/// The reporters alone: the file is loaded, built into a landscape and analyzed once (untimed); each
/// run writes the JSON and the SARIF report (UTF-8 into a discarding stream), what
/// <c>analyze --format json --output x.json --format sarif --output x.sarif</c> adds to a load.
/// The note gives each format's time and the load time of the setup, to read the reports' share.
/// </summary>
internal sealed class ReportWriting : Measurement
{
    private AnalysisReport? _report;
    private double _loadSeconds;

    public override string Name => "reports";

    public override string Description => "JsonReportWriter + SarifReportWriter over an analyzed landscape (load, build and rules untimed)";

    public override int Order => 60;

    public override bool RunsByDefault => false;

    public override void Setup(string file)
    {
        var clock = Stopwatch.StartNew();
        var load = new ManifestLoader().Load(file);
        _loadSeconds = clock.Elapsed.TotalSeconds;
        var landscape = Landscape.Build(load);
        var engine = LandscapeAnalysis.Create().Build();
        _report = new AnalysisReport(landscape, engine.Run(landscape), engine.Rules.Where(engine.Options.IsEnabled))
        {
            BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(file)),
        };
    }

    public override RunOutcome Run(string file)
    {
        var json = Time(new JsonReportWriter());
        var sarif = Time(new SarifReportWriter());
        return new RunOutcome(
            _report!.Landscape.Objects.All.Count,
            FormattableString.Invariant($"{_report.Findings.Count} findings; json {json:F2} s, sarif {sarif:F2} s = {100 * (json + sarif) / _loadSeconds:F1}% of the setup's load ({_loadSeconds:F1} s)"));
    }

    private double Time(IReportWriter writer)
    {
        var clock = Stopwatch.StartNew();
        using (var output = new StreamWriter(Stream.Null, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write(_report!, output);
        }

        return clock.Elapsed.TotalSeconds;
    }
}
