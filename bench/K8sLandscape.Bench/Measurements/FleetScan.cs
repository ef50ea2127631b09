using System.Diagnostics;
using K8sLandscape.Analyzers;
using K8sLandscape.Analyzers.Fleet;
using K8sLandscape.Bench.Generation;
using K8sLandscape.Bench.Harness;
using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Bench.Measurements;

/// <summary>
/// <c>fleet --clusters N</c>: what <c>k8s-landscape fleet</c> does for N clusters of generated
/// objects, in one process: load one cluster, build its landscape, run every rule, keep its summary,
/// let the rest go; then build the matrix and write it as JSON. The clusters cycle through a few
/// generated dumps (different seeds), generated once and untimed. Prints the time per cluster and
/// the peak working set (VmHWM) after the first tenth and after all clusters: if memory holds one
/// cluster at a time, the two peaks are the same and the time grows linearly.
/// </summary>
internal static class FleetScan
{
    public static int Run(int clusters, int objects, int variants, string outFolder)
    {
        Directory.CreateDirectory(outFolder);
        var files = Enumerable.Range(1, variants).Select(seed =>
        {
            var path = Path.Combine(outFolder, Report.Inv($"fleet-{objects}-s{seed}.yaml"));
            if (!File.Exists(path)) ManifestGenerator.Generate(objects, path, seed);
            return path;
        }).ToArray();

        var engine = LandscapeAnalysis.Create().Build();
        var fleet = new FleetMatrixBuilder();
        var perCluster = new List<double>(clusters);
        var tenth = Math.Max(1, clusters / 10);
        long peakAtTenth = 0;
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < clusters; i++)
        {
            var sw = Stopwatch.StartNew();
            fleet.Add(Summarize(files[i % files.Length], Report.Inv($"cluster-{i:D4}"), engine));
            perCluster.Add(sw.Elapsed.TotalSeconds);
            if (i + 1 == tenth) peakAtTenth = ProcStatus.PeakWorkingSet();
        }

        var matrixTime = Stopwatch.StartNew();
        var matrix = fleet.Build();
        long jsonChars;
        {
            var json = new StringWriter();
            FleetJsonWriter.Write(matrix, json);
            jsonChars = json.GetStringBuilder().Length;
        }

        matrixTime.Stop();
        total.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;
        var peak = ProcStatus.PeakWorkingSet();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var retained = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(fleet);

        perCluster.Sort();
        Console.WriteLine(Report.Inv($"fleet of {clusters} clusters x {objects:N0} objects ({variants} generated dumps, cycled)"));
        Console.WriteLine(Report.Inv($"  total {total.Elapsed.TotalSeconds:F1} s wall, {cpu.TotalSeconds:F1} s CPU; per cluster median {perCluster[perCluster.Count / 2]:F2} s (min {perCluster[0]:F2}, max {perCluster[^1]:F2})"));
        Console.WriteLine(Report.Inv($"  matrix build + JSON: {matrixTime.Elapsed.TotalSeconds:F2} s, {jsonChars / 1024.0:F0} KiB; {matrix.Points.Count} points, fragmentation {matrix.Fragmentation:F3}"));
        Console.WriteLine(Report.Inv($"  peak working set (VmHWM): {peakAtTenth / 1048576.0:F0} MB after {tenth} cluster(s), {peak / 1048576.0:F0} MB after {clusters}"));
        Console.WriteLine(Report.Inv($"  managed heap retained after a full GC (the {clusters} summaries): {retained / 1048576.0:F1} MB"));
        return 0;
    }

    /// <summary>One cluster as <c>fleet</c> reads it; nothing of its landscape outlives the call.</summary>
    private static LandscapeSummary Summarize(string file, string name, AnalyzerEngine engine)
    {
        var landscape = Landscape.Build(new ManifestLoader().Load(file));
        var result = engine.Run(landscape);
        return LandscapeSummaryBuilder.Build(landscape, result.Findings, name, file);
    }
}
