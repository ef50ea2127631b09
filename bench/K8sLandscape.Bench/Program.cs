using System.Diagnostics;
using System.Globalization;
using K8sLandscape.Bench.Generation;
using K8sLandscape.Bench.Harness;
using K8sLandscape.Bench.Measurements;

namespace K8sLandscape.Bench;

/// <summary>Entry point: a timed harness for the manifest loader (not a unit-test suite).</summary>
internal static class Program
{
    private const string Usage = """
        K8sLandscape.Bench - timed harness for the manifest loader

          generate --objects N --out FILE [--seed S] [--form list]  write a deterministic multi-document YAML dump (or one kind: List, as 'kubectl get -A -o yaml' prints it)
          to-list FILE --out FILE                      rewrite a multi-document YAML dump as one kind: List document
          load FILE [--runs R] [--only a,b]            median of R runs (default 3) of every measurement, each in a child process
          scale [--runs R] [--seed S]                  generate 10,000 and 100,000 objects into bench/out/ and compare load times
          list                                         the registered measurements
          profile FILE                                 where the loader's time and memory go (one process, one thread)
          tool FILE... [--runs R] [--tool PATH]        the tool as users run it (fresh process per run) against the floor, interleaved: wall, CPU, peak, ratios
          to-json-list YAML OUT                        the objects of a YAML dump as one JSON List (what 'kubectl get -A -o json' prints)
          parsers FILE [--runs R]                      YamlDotNet and SharpYaml side by side: event loop on one thread and on two, same text in memory
          same-findings A.json B.json                  two analyze JSON reports of one cluster in different forms hold the same findings (file:line aside)
          stages FILE [--kept]                         one analyze run in this process (load, landscape, rules, JSON report): each stage's wall, CPU and peak
          fleet --clusters N [--objects O] [--variants V]  map N generated clusters of O objects (default 10,000) one at a time, as 'k8s-landscape fleet' does

        Run from the repository root:  dotnet run -c Release --project bench/K8sLandscape.Bench -- scale
        """;

    public static int Main(string[] args)
    {
        try
        {
            return args.Length == 0 ? Help() : args[0] switch
            {
                "generate" => Generate(args[1..]),
                "to-list" => ToList(args[1..]),
                "load" => Load(args[1..]),
                "scale" => Scale(args[1..]),
                "list" => List(),
                "profile" => Profile.Run(args[1]),
                "tool" => Tool(args[1..]),
                "to-json-list" => JsonListConverter.Run(args[1], args[2]),
                "parsers" => Parsers(args[1..]),
                "same-findings" => FindingComparison.Run(args[1], args[2]),
                "floor-once" => ToolRuns.FloorOnce(args[1]),
                "stages" => Stages.Run(args[1], args.Contains("--kept")),
                "fleet" => Fleet(args[1..]),
                "measure-once" => Child.Run(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture)),
                "-h" or "--help" or "help" => Help(),
                _ => throw new ArgumentException($"unknown command '{args[0]}'"),
            };
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or IndexOutOfRangeException)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }

    private static int Parsers(string[] args)
    {
        var o = Options.Parse(args);
        return ParserComparison.Run(o.Positional.FirstOrDefault() ?? throw new ArgumentException("parsers needs a FILE"), o.Int("runs", 3));
    }

    private static int Tool(string[] args)
    {
        var o = Options.Parse(args);
        if (o.Positional.Count == 0) throw new ArgumentException("tool needs at least one FILE");
        return ToolRuns.Run(o.Positional, o.Int("runs", 3), o.Get("tool"), o.Get("format") ?? "json");
    }

    private static int Fleet(string[] args)
    {
        var o = Options.Parse(args);
        return FleetScan.Run(o.Int("clusters", 100), o.Int("objects", 10_000), o.Int("variants", 4), Path.Combine("bench", "out"));
    }

    private static int Help()
    {
        Console.WriteLine(Usage);
        return 0;
    }

    private static int List()
    {
        foreach (var m in Registry.All) Console.WriteLine($"{m.Name,-12} {m.Description}{(m.RunsByDefault ? string.Empty : " [opt-in]")}");
        return 0;
    }

    private static int Generate(string[] args)
    {
        var o = Options.Parse(args);
        var objects = o.Int("objects", 100_000);
        var path = o.Get("out") ?? throw new ArgumentException("--out FILE is required");
        var form = o.Get("form") ?? "documents";
        if (form is not ("documents" or "list")) throw new ArgumentException("--form is 'documents' or 'list'");
        var documents = form == "list" ? path + ".documents.tmp" : path;
        GenerateFile(objects, documents, o.Int("seed", 1));
        if (form == "list")
        {
            YamlListForm.Convert(documents, path);
            File.Delete(documents);
            Console.WriteLine(Report.Inv($"rewrote it as one kind: List: {path}, {new FileInfo(path).Length:N0} bytes"));
        }

        return 0;
    }

    private static int ToList(string[] args)
    {
        var o = Options.Parse(args);
        var input = o.Positional.FirstOrDefault() ?? throw new ArgumentException("to-list needs a FILE");
        var output = o.Get("out") ?? throw new ArgumentException("--out FILE is required");
        var items = YamlListForm.Convert(input, output);
        Console.WriteLine(Report.Inv($"wrote {output}: one kind: List of {items:N0} items, {new FileInfo(output).Length:N0} bytes"));
        return 0;
    }

    private static void GenerateFile(int objects, string path, int seed)
    {
        var sw = Stopwatch.StartNew();
        var counts = ManifestGenerator.Generate(objects, path, seed);
        var size = new FileInfo(path).Length;
        Console.WriteLine(Report.Inv($"wrote {path}: {counts.Values.Sum():N0} objects, {size:N0} bytes ({size / 1048576.0:F1} MiB, {size / 1e6:F1} MB), average {size / (double)Math.Max(1, counts.Values.Sum()):N0} bytes/object, in {sw.Elapsed.TotalSeconds:F1} s"));
        var ordered = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        foreach (var (kind, n) in ordered.Take(20)) Console.WriteLine(Report.Inv($"  {kind,-32} {n,8:N0}"));
        if (ordered.Count > 20) Console.WriteLine(Report.Inv($"  {ordered.Count - 20} more kinds (custom resources, classes) {ordered.Skip(20).Sum(p => p.Value),8:N0}"));
    }

    private static int Load(string[] args)
    {
        var o = Options.Parse(args);
        var file = o.Positional.FirstOrDefault() ?? throw new ArgumentException("load needs a FILE");
        if (!File.Exists(file)) throw new ArgumentException($"no such file: {file}");
        file = Path.GetFullPath(file);
        var runs = o.Int("runs", 3);
        var only = o.Get("only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var selected = only is null ? Registry.All.Where(m => m.RunsByDefault).ToList() : only.Select(Registry.Get).ToList();

        var size = new FileInfo(file).Length;
        Console.WriteLine(Report.Inv($"input: {file} ({size:N0} bytes, {size / 1048576.0:F1} MiB); {Environment.ProcessorCount} cores; {runs} timed run(s) after 1 warm-up; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        var reports = selected.Select(m => Parent.Measure(m.Name, file, runs)).ToList();
        Console.WriteLine();
        Console.Write(Report.Table(reports));
        Console.WriteLine();
        Console.Write(Report.Details(reports));
        var floor = reports.FirstOrDefault(r => r.Measurement == "floor");
        var load = reports.FirstOrDefault(r => r.Measurement == "load");
        if (floor is not null && load is not null)
        {
            Console.WriteLine();
            Console.Write(Report.Targets(floor, load));
        }

        return 0;
    }

    private static int Scale(string[] args)
    {
        var o = Options.Parse(args);
        var runs = o.Int("runs", 3);
        var seed = o.Int("seed", 1);
        var outDir = Path.Combine(RepositoryRoot(), "bench", "out");
        var reports = new List<ChildReport>();
        foreach (var n in new[] { 10_000, 100_000 })
        {
            var file = Path.Combine(outDir, Report.Inv($"cluster-{n}.yaml"));
            GenerateFile(n, file, seed);
            reports.Add(Parent.Measure("load", file, runs));
        }

        Console.WriteLine();
        Console.WriteLine("| objects | file MiB | load median s | load CPU s | MB/s | objects/s | peak MB |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in reports)
        {
            Console.WriteLine(Report.Inv($"| {r.Objects:N0} | {r.InputBytes / 1048576.0:F1} | {r.MedianSeconds:F2} | {r.MedianCpuSeconds:F2} | {r.InputBytes / 1048576.0 / r.MedianSeconds:F1} | {r.Objects / r.MedianSeconds:N0} | {r.PeakBytes / 1048576.0:N0} |"));
        }

        var small = reports[0];
        var large = reports[1];
        var ratio = large.MedianSeconds / small.MedianSeconds;
        Console.WriteLine();
        Console.WriteLine(Report.Inv($"10x objects ({large.Objects / (double)small.Objects:F1}x objects, {large.InputBytes / (double)small.InputBytes:F2}x bytes) costs {ratio:F2}x time   (target <= 11x)  {(ratio <= 11 ? "MET" : "MISSED")}"));
        var cpuRatio = large.MedianCpuSeconds / small.MedianCpuSeconds;
        Console.WriteLine(Report.Inv($"                                                  and {cpuRatio:F2}x CPU time (target <= 11x)  {(cpuRatio <= 11 ? "MET" : "MISSED")}"));
        return 0;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "K8sLandscape.sln"))) return dir.FullName;
        }

        return Directory.GetCurrentDirectory();
    }
}

/// <summary>Minimal <c>--name value</c> parsing.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _named = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a value");
                o._named[args[i][2..]] = args[++i];
            }
            else
            {
                o.Positional.Add(args[i]);
            }
        }

        return o;
    }

    public string? Get(string name) => _named.GetValueOrDefault(name);

    public int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;
}
