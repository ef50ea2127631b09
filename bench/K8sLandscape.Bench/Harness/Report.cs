using System.Globalization;
using System.Text;

namespace K8sLandscape.Bench.Harness;

/// <summary>Prints measurement tables and target ratios.</summary>
internal static class Report
{
    private const double MB = 1024 * 1024;

    public static string Table(IReadOnlyList<ChildReport> reports)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| measurement | median s | min s | max s | CPU s | MB/s | objects/s | alloc MB/run | peak MB (child VmHWM) | run peak MB | peak / input | objects |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in reports)
        {
            var med = r.MedianSeconds;
            var input = r.InputBytes / MB;
            sb.AppendLine(Inv($"| {r.Measurement} | {med:F2} | {r.Runs.Min(x => x.Seconds):F2} | {r.Runs.Max(x => x.Seconds):F2} | {r.MedianCpuSeconds:F2} | {input / med:F1} | {r.Objects / med:N0} | {r.MedianAllocated / MB:N0} | {r.PeakBytes / MB:N0} | {(r.MedianRunPeak < 0 ? "n/a" : (r.MedianRunPeak / MB).ToString("N0", CultureInfo.InvariantCulture))} | {r.PeakBytes / (double)r.InputBytes:F2}x | {r.Objects:N0} |"));
        }

        return sb.ToString();
    }

    public static string Details(IReadOnlyList<ChildReport> reports)
    {
        var sb = new StringBuilder();
        foreach (var r in reports)
        {
            sb.AppendLine(Inv($"{r.Measurement}: warm-up {r.WarmupSeconds:F2} s (fresh-process peak {r.WarmupPeakBytes / MB:N0} MB), baseline RSS after setup {r.BaselineBytes / MB:N0} MB"));
            foreach (var s in r.Runs)
            {
                sb.AppendLine(Inv($"    run: {s.Seconds:F3} s (CPU {s.CpuSeconds:F2} s), allocated {s.AllocatedBytes / MB:N0} MB, GCs gen0/1/2 {s.Gen0}/{s.Gen1}/{s.Gen2}, run peak {(s.PeakBytes < 0 ? "n/a" : (s.PeakBytes / MB).ToString("N0", CultureInfo.InvariantCulture))} MB"));
            }

            if (r.Note is not null) sb.AppendLine("    note: " + r.Note);
        }

        return sb.ToString();
    }

    public static string Targets(ChildReport floor, ChildReport load)
    {
        var time = load.MedianSeconds / floor.MedianSeconds;
        var cpu = load.MedianCpuSeconds / floor.MedianCpuSeconds;
        var memory = load.PeakBytes / (double)load.InputBytes;
        var sb = new StringBuilder();
        sb.AppendLine(Inv($"loader time / floor time : {time:F2}x   (target <= 2x)  {(time <= 2 ? "MET" : "MISSED")}"));
        sb.AppendLine(Inv($"loader CPU / floor CPU   : {cpu:F2}x   (all cores' work; the floor runs on one)"));
        sb.AppendLine(Inv($"loader peak / input size : {memory:F2}x   (target < 3x)   {(memory < 3 ? "MET" : "MISSED")}"));
        return sb.ToString();
    }

    public static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
