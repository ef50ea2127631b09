using System.Diagnostics;
using System.Globalization;
using K8sLandscape.Bench.Measurements;

namespace K8sLandscape.Bench.Harness;

/// <summary>
/// The tool as users run it: each run a fresh process (start-up, JIT and all), timed from outside by
/// <c>/usr/bin/time</c> (wall, user + system CPU, peak RSS), interleaved with a fresh process that
/// only runs the floor (YamlDotNet's single-thread <c>Parser</c> loop over the same file), so both
/// see the same host. Ratios are of medians from the same session.
/// </summary>
internal static class ToolRuns
{
    private sealed record Sample(double Wall, double Cpu, long PeakKb);

    public static int Run(IReadOnlyList<string> files, int runs, string? tool, string format)
    {
        if (!File.Exists("/usr/bin/time")) throw new ArgumentException("the 'tool' command needs /usr/bin/time (GNU time)");
        var toolCommand = tool is null ? DefaultTool() : [tool];
        Console.WriteLine(Inv($"tool: {string.Join(' ', toolCommand)}; {Environment.ProcessorCount} cores; {runs} run(s) each, interleaved; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        var rows = new List<(string File, long Bytes, Sample Floor, Sample Analyze)>();
        foreach (var file in files.Select(Path.GetFullPath))
        {
            var floor = new List<Sample>();
            var analyze = new List<Sample>();
            for (var i = 0; i < runs; i++)
            {
                floor.Add(Time([.. BenchCommand(), "floor-once", file], FloorEnvironment));
                analyze.Add(Time([.. toolCommand, "analyze", file, "--format", format, "-o", "/dev/null", "--fail-on", "none"]));
            }

            rows.Add((file, new FileInfo(file).Length, Median(floor), Median(analyze)));
        }

        Console.WriteLine();
        Console.WriteLine("| input | MB | floor wall s | floor CPU s | analyze wall s | analyze CPU s | analyze / floor (wall) | peak MB | peak / input |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (file, bytes, f, a) in rows)
        {
            Console.WriteLine(Inv($"| {Path.GetFileName(file)} | {bytes / 1e6:F1} | {f.Wall:F2} | {f.Cpu:F2} | {a.Wall:F2} | {a.Cpu:F2} | {a.Wall / f.Wall:F2}x | {a.PeakKb / 1024.0:N0} | {a.PeakKb * 1024.0 / bytes:F2}x |"));
        }

        if (rows.Count == 2 && rows[1].Bytes > rows[0].Bytes)
        {
            // Two sizes: the marginal (per-byte) cost and the fixed cost the small run hides.
            var (s, l) = (rows[0], rows[1]);
            var scale = l.Bytes / (double)s.Bytes;
            var perMb = (l.Analyze.Wall - s.Analyze.Wall) / ((l.Bytes - s.Bytes) / 1e6);
            var fixedCost = s.Analyze.Wall - perMb * s.Bytes / 1e6;
            Console.WriteLine();
            Console.WriteLine(Inv($"{scale:F2}x the bytes: {l.Analyze.Wall / s.Analyze.Wall:F2}x the wall time, {l.Analyze.Cpu / s.Analyze.Cpu:F2}x the CPU time (floor: {l.Floor.Wall / s.Floor.Wall:F2}x)"));
            Console.WriteLine(Inv($"marginal cost {perMb * 1000:F1} ms per MB of input; fixed cost {fixedCost:F2} s (the small run's time not explained by its size)"));
        }

        return 0;
    }

    /// <summary>The floor alone, once, in this fresh process: what the 'floor' measurement times, start-up included.</summary>
    public static int FloorOnce(string file)
    {
        var documents = new YamlParserFloor().Run(file).Objects;
        Console.WriteLine(Inv($"{documents:N0} documents"));
        return 0;
    }

    // The floor runs with the runtime's defaults (dynamic PGO on, the workstation collector, the
    // 100 ms tiering delay), not with this harness's settings, which copy the tool's; dynamic PGO
    // makes the bare parse loop faster.
    private static readonly Dictionary<string, string> FloorEnvironment = new()
    {
        ["DOTNET_TieredPGO"] = "1",
        ["DOTNET_gcServer"] = "0",
        ["DOTNET_gcConcurrent"] = "1",
        ["DOTNET_TC_CallCountingDelayMs"] = "100",
    };

    private static Sample Time(IReadOnlyList<string> command, IReadOnlyDictionary<string, string>? environment = null)
    {
        var report = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo("/usr/bin/time") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-o", report, "-f", "%e %U %S %M" }.Concat(command)) start.ArgumentList.Add(a);
            if (environment is not null)
            {
                foreach (var (name, value) in environment) start.Environment[name] = value;
            }
            using var p = Process.Start(start) ?? throw new InvalidOperationException("could not start /usr/bin/time");
            var stderr = p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException($"'{string.Join(' ', command)}' exited with {p.ExitCode}: {stderr.Result}");
            var f = File.ReadAllLines(report).Last().Split(' ');
            var d = (string s) => double.Parse(s, CultureInfo.InvariantCulture);
            var sample = new Sample(d(f[0]), d(f[1]) + d(f[2]), long.Parse(f[3], CultureInfo.InvariantCulture));
            var what = command.Contains("analyze") ? "analyze" : "floor";
            Console.Error.WriteLine(Inv($"  {what,-8} {sample.Wall,6:F2} s wall {sample.Cpu,6:F2} s CPU {sample.PeakKb / 1024,6:N0} MB"));
            return sample;
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static Sample Median(List<Sample> samples)
    {
        var byWall = samples.OrderBy(s => s.Wall).ToList();
        return byWall[byWall.Count / 2];
    }

    private static string[] BenchCommand() =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? [host, typeof(ToolRuns).Assembly.Location]
            : [Environment.ProcessPath ?? "dotnet"];

    private static string[] DefaultTool()
    {
        // The tool built next to this harness (Release), run as 'dotnet k8s-landscape.dll'.
        var root = AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            var dll = Path.Combine(dir.FullName, "src", "K8sLandscape.Cli", "bin", "Release", "net10.0", "k8s-landscape.dll");
            if (File.Exists(dll)) return ["dotnet", dll];
        }

        throw new ArgumentException("no Release build of the tool found: run 'dotnet build -c Release src/K8sLandscape.Cli' or pass --tool PATH");
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
