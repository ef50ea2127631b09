using System.Diagnostics;
using System.Globalization;

namespace K8sLandscape.Bench.Harness;

/// <summary>
/// YamlDotNet and SharpYaml side by side on the same text in memory: the event loop alone, on one
/// thread and on two (each thread parsing one half, cut at a document marker). What the loader's
/// choice of parser rests on: how fast one thread is, and whether two threads in one process scale.
/// </summary>
internal static class ParserComparison
{
    public static int Run(string file, int runs)
    {
        var text = File.ReadAllText(file);
        var cut = text.IndexOf("\n---\n", text.Length / 2, StringComparison.Ordinal) + 1;
        if (cut <= 0) throw new ArgumentException($"{file} has no '---' after its middle to cut it in two");
        string[] halves = [text[..cut], text[cut..]];
        var parsers = new (string Name, Func<string, long> Parse)[] { ("YamlDotNet 18.0", YamlDotNetEvents), ("SharpYaml 3.17", SharpYamlEvents) };

        // Warm-up: both parsers' code tiered up before anything is timed.
        foreach (var (_, parse) in parsers) parse(halves[1]);
        var results = parsers.SelectMany(p => new[] { (p.Name, Threads: 1, Samples: new List<(double Wall, double Cpu)>()), (p.Name, Threads: 2, Samples: new List<(double, double)>()) }).ToList();
        for (var r = 0; r < runs; r++)
        {
            foreach (var row in results)
            {
                var parse = parsers.Single(p => p.Name == row.Name).Parse;
                GC.Collect();
                var process = Process.GetCurrentProcess();
                var cpu = process.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                if (row.Threads == 1)
                {
                    parse(text);
                }
                else
                {
                    Task.WaitAll(halves.Select(h => Task.Factory.StartNew(() => parse(h), TaskCreationOptions.LongRunning)).ToArray());
                }

                process.Refresh();
                row.Samples.Add((sw.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds));
            }
        }

        Console.WriteLine(Inv($"{Path.GetFileName(file)}: {text.Length / 1e6:F1} M characters, {runs} interleaved run(s) after a warm-up; medians"));
        Console.WriteLine();
        Console.WriteLine("| parser | threads | wall s | CPU s | speed-up of two threads |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var row in results)
        {
            var (wall, cpuTime) = Median(row.Samples);
            var one = Median(results.Single(x => x.Name == row.Name && x.Threads == 1).Samples).Wall;
            Console.WriteLine(Inv($"| {row.Name} | {row.Threads} | {wall:F2} | {cpuTime:F2} | {(row.Threads == 2 ? (one / wall).ToString("F2", CultureInfo.InvariantCulture) + "x" : "")} |"));
        }

        return 0;
    }

    private static long YamlDotNetEvents(string text)
    {
        var parser = new YamlDotNet.Core.Parser(new StringReader(text));
        long n = 0;
        while (parser.MoveNext()) n++;
        return n;
    }

    private static long SharpYamlEvents(string text)
    {
        var parser = SharpYaml.Parser.CreateParser(new StringReader(text));
        long n = 0;
        while (parser.MoveNext()) n++;
        return n;
    }

    private static (double Wall, double Cpu) Median(List<(double Wall, double Cpu)> samples) => samples.OrderBy(s => s.Wall).ElementAt(samples.Count / 2);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
