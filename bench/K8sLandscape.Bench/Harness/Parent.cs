using System.Diagnostics;
using System.Globalization;

namespace K8sLandscape.Bench.Harness;

/// <summary>The parent side: re-invokes this program as <c>measure-once</c> and reads the child's report.</summary>
internal static class Parent
{
    public static ChildReport Measure(string name, string file, int runs)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath ?? "dotnet",
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };

        // Under 'dotnet K8sLandscape.Bench.dll' the process is the dotnet host: pass the assembly too.
        if (Path.GetFileNameWithoutExtension(start.FileName).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(Parent).Assembly.Location);
        }

        foreach (var a in new[] { "measure-once", name, file, runs.ToString(CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);
        Console.Error.WriteLine($"  [{name}] child process: 1 warm-up + {runs} timed run(s) on {Path.GetFileName(file)} ...");
        using var p = Process.Start(start) ?? throw new InvalidOperationException("could not start the child process");
        string? result = null;
        while (p.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith(ChildReport.Marker, StringComparison.Ordinal)) result = line[ChildReport.Marker.Length..];
            else Console.Error.WriteLine("  child: " + line);
        }

        p.WaitForExit();
        if (p.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"measure-once {name} failed (exit code {p.ExitCode})");
        }

        return ChildReport.FromJson(result);
    }
}
