using System.Globalization;

namespace K8sLandscape.Bench.Harness;

/// <summary>Reads this process's memory figures from <c>/proc/self/status</c> (Linux).</summary>
internal static class ProcStatus
{
    /// <summary>Peak resident set size (VmHWM) in bytes, or -1 when not on Linux.</summary>
    public static long PeakWorkingSet() => Read("VmHWM:");

    /// <summary>Current resident set size (VmRSS) in bytes, or -1 when not on Linux.</summary>
    public static long WorkingSet() => Read("VmRSS:");

    /// <summary>Resets VmHWM to the current RSS (writes 5 to clear_refs; Linux 4.0+). False when not allowed.</summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long Read(string field)
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path)) return -1;
        foreach (var line in File.ReadLines(path))
        {
            if (!line.StartsWith(field, StringComparison.Ordinal)) continue;
            var parts = line[field.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return long.Parse(parts[0], CultureInfo.InvariantCulture) * 1024; // kB
        }

        return -1;
    }
}
