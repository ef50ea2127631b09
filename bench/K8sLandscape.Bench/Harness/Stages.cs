using System.Diagnostics;
using K8sLandscape.Analyzers;
using K8sLandscape.Analyzers.Reporting;
using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Bench.Harness;

/// <summary>
/// One <c>analyze</c> run in this process, as the tool runs it (load on all cores, landscape, every
/// enabled rule, the JSON report), with each stage's wall and CPU time and the peak memory after it:
/// where a whole analysis spends its time.
/// </summary>
internal static class Stages
{
    public static int Run(string file, bool keep)
    {
        var process = Process.GetCurrentProcess();
        var total = Stopwatch.StartNew();
        var cpu0 = process.TotalProcessorTime;
        LoadResult? load = null;
        Landscape? landscape = null;
        AnalysisResult? result = null;
        AnalyzerEngine? engine = null;
        Stage("engine (rules built)", () => engine = LandscapeAnalysis.Create().Build());
        Stage("load", () => load = new ManifestLoader().Load(file));
        Kept(keep, "after load");
        if (keep)
        {
            // What the loaded objects' compact JSON bodies weigh, by kind: the bulk of what is kept.
            foreach (var kind in load!.Objects.GroupBy(o => o.Kind).Select(g => (g.Key, Count: g.Count(), Bytes: g.Sum(o => (long)o.Json.Length))).OrderByDescending(k => k.Bytes).Take(8))
                Console.WriteLine(FormattableString.Invariant($"    bodies {kind.Key,-24} {kind.Count,8:N0} objects {kind.Bytes / (1024.0 * 1024):F1} MB"));
            Console.WriteLine(FormattableString.Invariant($"    bodies (all)                    {load.Objects.Sum(o => (long)o.Json.Length) / (1024.0 * 1024):F1} MB"));
        }
        Stage("landscape", () => landscape = Landscape.Build(load!));
        Kept(keep, "after landscape");
        if (Environment.GetEnvironmentVariable("K8SLANDSCAPE_BENCH_HOLD") is { } hold)
        {
            // For a heap dump of the built landscape (dotnet-gcdump collect -p PID).
            Console.WriteLine($"holding {hold} s, process {Environment.ProcessId}");
            Thread.Sleep(TimeSpan.FromSeconds(int.Parse(hold, System.Globalization.CultureInfo.InvariantCulture)));
        }
        Stage("rules", () => result = engine!.Run(landscape!));
        Stage("json report", () =>
        {
            var report = new AnalysisReport(landscape!, result!, engine!.Rules.Where(engine.Options.IsEnabled));
            using var output = new StreamWriter(Stream.Null);
            new JsonReportWriter().Write(report, output);
        });
        process.Refresh();
        Console.WriteLine(FormattableString.Invariant($"total: {total.Elapsed.TotalSeconds:F2} s wall, {(process.TotalProcessorTime - cpu0).TotalSeconds:F2} s CPU, peak {(ProcStatus.PeakWorkingSet() / (1024 * 1024)):N0} MB; {load!.Objects.Count:N0} objects, {result!.Findings.Count:N0} findings"));
        return 0;
    }

    private static void Kept(bool keep, string when)
    {
        // A forced full collection lowers the later peaks, so it only runs when asked for.
        if (!keep) return;
        Console.WriteLine(FormattableString.Invariant($"  kept {when}: {GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024):N0} MB managed"));
    }

    private static void Stage(string name, Action action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        var sw = Stopwatch.StartNew();
        action();
        allocated = GC.GetTotalAllocatedBytes() - allocated;
        paused = GC.GetTotalPauseDuration() - paused;
        sw.Stop();
        process.Refresh();
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        Console.WriteLine(FormattableString.Invariant($"{name,-22} {sw.Elapsed.TotalSeconds,7:F2} s wall {(process.TotalProcessorTime - cpu).TotalSeconds,7:F2} s CPU   peak so far {(ProcStatus.PeakWorkingSet() / (1024 * 1024)),6:N0} MB   (allocated {allocated / (1024 * 1024):N0} MB, paused {paused.TotalSeconds:F2} s, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, heap {gc.HeapSizeBytes / (1024 * 1024):N0} MB, committed {gc.TotalCommittedBytes / (1024 * 1024):N0} MB)"));
    }
}
