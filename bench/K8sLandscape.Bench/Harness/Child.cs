using System.Diagnostics;
using K8sLandscape.Bench.Measurements;

namespace K8sLandscape.Bench.Harness;

/// <summary>
/// The child side (<c>measure-once NAME FILE RUNS</c>): setup, one warm-up, RUNS timed runs with a
/// full blocking GC before each, then its own VmHWM, printed as one JSON line on stdout.
/// </summary>
internal static class Child
{
    public static int Run(string name, string file, int runs)
    {
        var m = Registry.Get(name);
        m.Setup(file);
        FullGc();
        var baseline = ProcStatus.WorkingSet();

        var sw = Stopwatch.StartNew();
        var warm = m.Run(file);
        sw.Stop();
        var warmupSeconds = sw.Elapsed.TotalSeconds;
        var warmupPeak = ProcStatus.PeakWorkingSet();
        var note = warm.Note;

        var samples = new List<RunSample>(runs);
        for (var i = 0; i < runs; i++)
        {
            FullGc();
            var canReset = ProcStatus.ResetPeak();
            var g0 = GC.CollectionCount(0);
            var g1 = GC.CollectionCount(1);
            var g2 = GC.CollectionCount(2);
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            sw.Restart();
            var outcome = m.Run(file);
            sw.Stop();
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            var peak = canReset ? ProcStatus.PeakWorkingSet() : -1;
            note ??= outcome.Note;
            samples.Add(new RunSample(sw.Elapsed.TotalSeconds, cpuSeconds, allocated, outcome.Objects, peak,
                GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2));
        }

        // VmHWM of the whole child: setup, warm-up and every run. (Process.PeakWorkingSet64 of an
        // exited process is not available on Linux, so the child reports its own.)
        var report = new ChildReport(m.Name, file, new FileInfo(file).Length, warmupSeconds, warmupPeak, baseline, samples, ProcStatus.PeakWorkingSet(), note);
        Console.Out.WriteLine(ChildReport.Marker + report.ToJson());
        return 0;
    }

    private static void FullGc()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
