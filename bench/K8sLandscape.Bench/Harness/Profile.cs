using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using K8sLandscape.Loading;
using YamlDotNet.Core;

namespace K8sLandscape.Bench.Harness;

/// <summary>
/// <c>profile FILE</c>: a one-thread, one-process breakdown of the loader's time and retained memory,
/// using only public APIs. Each stage re-does one part of the loader's work on the same documents:
/// YAML parsing per document, writing and re-parsing the JSON bodies, building <see cref="KubeObject"/>s.
/// What the loader spends beyond their sum is its own tree building, splitting and bookkeeping.
/// </summary>
internal static class Profile
{
    private const double MB = 1024 * 1024;

    public static int Run(string file)
    {
        var bytes = File.ReadAllBytes(file);
        var docs = Split(bytes);
        Console.WriteLine(Report.Inv($"{file}: {bytes.Length / MB:F1} MiB, {docs.Count:N0} documents"));

        // Warm everything up on a slice, so tiering and first-call costs are out of the way.
        var sample = docs.Take(Math.Min(2000, docs.Count)).ToList();
        YamlPerDocument(sample);
        new ManifestLoader(new LoaderOptions { MaxParallelism = 1 }).LoadString(string.Join("", sample.Select(Encoding.UTF8.GetString)), "warmup.yaml");

        var yaml = Time("YAML events, parser per document (decode + Parser)", () => YamlPerDocument(docs));

        FullGc();
        var before = GC.GetTotalMemory(true);
        LoadResult? result = null;
        var loader = Time("ManifestLoader.Load, MaxParallelism = 1", () => result = new ManifestLoader(new LoaderOptions { MaxParallelism = 1 }).Load(file));
        FullGc();
        var retained = GC.GetTotalMemory(true) - before;
        var objects = result!.Objects;

        // The JSON part of the loader: write each body (Utf8JsonWriter), then JsonElement.ParseValue (a JsonDocument per object).
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        var raw = new List<byte[]>(objects.Count);
        var write = Time("JSON write of every body (Utf8JsonWriter)", () =>
        {
            foreach (var o in objects)
            {
                buffer.ResetWrittenCount();
                using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, MaxDepth = 512 })) o.Body.WriteTo(w);
                raw.Add(buffer.WrittenSpan.ToArray());
            }
        });
        write = Time("JSON write of every body (Utf8JsonWriter), again without copying out", () =>
        {
            foreach (var o in objects)
            {
                buffer.ResetWrittenCount();
                using var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, MaxDepth = 512 });
                o.Body.WriteTo(w);
            }
        });

        var parsed = new JsonElement[raw.Count];
        FullGc();
        var beforeParse = GC.GetTotalMemory(true);
        var parse = Time("JSON parse of every body (JsonElement.ParseValue)", () =>
        {
            for (var i = 0; i < raw.Count; i++)
            {
                var reader = new Utf8JsonReader(raw[i], new JsonReaderOptions { MaxDepth = 512 });
                parsed[i] = JsonElement.ParseValue(ref reader);
            }
        });
        FullGc();
        var bodiesRetained = GC.GetTotalMemory(true) - beforeParse;

        var build = Time("new KubeObject(body) for every body (identity, labels, annotations)", () =>
        {
            foreach (var e in parsed) _ = new KubeObject(e, SourceSpan.None);
        });

        long jsonBytes = 0, nodes = 0;
        foreach (var r in raw) jsonBytes += r.Length;
        foreach (var o in objects) nodes += CountNodes(o.Body);

        var rest = loader - yaml - write - parse - build;
        Console.WriteLine();
        Console.WriteLine("Time, one thread:");
        Row("loader total", loader, loader);
        Row("  YAML parsing (YamlDotNet, per document)", yaml, loader);
        Row("  JSON write (Utf8JsonWriter)", write, loader);
        Row("  JSON parse (JsonElement.ParseValue)", parse, loader);
        Row("  KubeObject construction", build, loader);
        Row("  rest: Node tree, scalar resolution, line lists, split, decode", rest, loader);
        Console.WriteLine();
        Console.WriteLine("Retained memory of the LoadResult (managed heap after a full GC):");
        Console.WriteLine(Report.Inv($"  total                          {retained / MB,8:N0} MB  ({retained / (double)bytes.Length:F2}x input)"));
        Console.WriteLine(Report.Inv($"  JSON bodies as JsonElements     {bodiesRetained / MB,8:N0} MB  (UTF-8 JSON {jsonBytes / MB:N0} MB = {jsonBytes / (double)bytes.Length:P0} of the YAML, + JsonDocument metadata, ~12 B per token)"));
        Console.WriteLine(Report.Inv($"  line tables (int per node)      {(nodes * 4 + objects.Count * 24L) / MB,8:N0} MB  ({nodes:N0} nodes, {nodes / (double)objects.Count:N0} per object)"));
        Console.WriteLine(Report.Inv($"  the rest (KubeObject, label and annotation dictionaries, strings, lists) {(retained - bodiesRetained - (nodes * 4 + objects.Count * 24L)) / MB:N0} MB"));
        GC.KeepAlive(result);
        GC.KeepAlive(parsed);
        return 0;
    }

    private static double Time(string what, Action action)
    {
        FullGc();
        var allocated = GC.GetTotalAllocatedBytes(true);
        var sw = Stopwatch.StartNew();
        action();
        sw.Stop();
        Console.WriteLine(Report.Inv($"  {what}: {sw.Elapsed.TotalSeconds:F2} s, allocated {(GC.GetTotalAllocatedBytes(true) - allocated) / MB:N0} MB"));
        return sw.Elapsed.TotalSeconds;
    }

    private static void Row(string what, double seconds, double total) =>
        Console.WriteLine(Report.Inv($"  {what,-64} {seconds,7:F2} s  {seconds / total,6:P0}"));

    private static long YamlPerDocument(List<byte[]> docs)
    {
        long events = 0;
        foreach (var d in docs)
        {
            var parser = new Parser(new StringReader(Encoding.UTF8.GetString(d)));
            while (parser.MoveNext()) events++;
        }

        return events;
    }

    private static long CountNodes(JsonElement e)
    {
        long n = 1;
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) n += CountNodes(p.Value);
                break;
            case JsonValueKind.Array:
                foreach (var i in e.EnumerateArray()) n += CountNodes(i);
                break;
        }

        return n;
    }

    /// <summary>Cuts at lines that start with <c>---</c> (enough for generated dumps).</summary>
    private static List<byte[]> Split(byte[] bytes)
    {
        var docs = new List<byte[]>();
        var start = 0;
        var span = bytes.AsSpan();
        var pos = 0;
        while (pos < span.Length)
        {
            var nl = span[pos..].IndexOf((byte)'\n');
            var end = nl < 0 ? span.Length : pos + nl + 1;
            if (span[pos..].StartsWith("---"u8) && pos > start)
            {
                docs.Add(span[start..pos].ToArray());
                start = pos;
            }

            pos = end;
        }

        if (start < span.Length) docs.Add(span[start..].ToArray());
        return docs;
    }

    private static void FullGc()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
