using System.Globalization;
using System.Text;
using System.Text.Json;
using K8sLandscape.Loading;
using K8sLandscape.TestSupport;
using Xunit.Abstractions;

namespace K8sLandscape.Core.Tests.Loading;

/// <summary>
/// Mutation fuzzing: real manifests (the shared corpus, or the repository's samples in a fresh
/// clone) with one document mangled by seeded random edits. Asserts that the loader never throws,
/// that every object of every unmodified document still loads with the same body, and that every
/// body is valid JSON. Bounded for CI (300 mutations by default); run longer with
/// <c>K8SLANDSCAPE_FUZZ_ITERATIONS</c> and <c>K8SLANDSCAPE_FUZZ_SEED</c> (see docs/loading.md).
/// A failure names the seed and iteration and writes the mutated input to the temp folder.
/// </summary>
public sealed class LoaderFuzzTests(ITestOutputHelper output)
{
    private const int DefaultIterations = 300;
    private const int DefaultSeed = 20261203;
    private const int MaxFileBytes = 256 << 10;

    private static readonly string[] Endings = [".yaml", ".yml", ".json", ".toml", ".conf", ".conflist"];

    // Pieces that parsers and the splitter treat specially.
    private static readonly string[] Tokens =
    [
        "[", "]", "{", "}", ": ", "- ", "? ", ",", "\t", "\0", "&a ", "*a", "*zz", "<<: *a\n", "<<: ", "!!binary ", "!!int ", "!custom ",
        "|", "|-\n", ">", "\"", "'", "\\", "\n", "\r", "\r\n", "#", "# Source: x/y.yaml\n", "%YAML 1.1\n", "\n---\n", "\n...\n", "--- ",
        "\uFEFF", "\u202E", "0x", "1e999", ".inf", "~", "null", "yes", "apiVersion: ", "kind: List\nitems:\n", "metadata:\n  name: ",
        "= ", "[[a]]\n", "a.b.c = 1\n", "\"\"\"",
    ];

    private static readonly byte[][] RawBytes = [[0xFF], [0xC3], [0xE2, 0x82], [0xEF, 0xBB, 0xBF], [0xFE, 0xFF], [0x1B], [0x7F]];

    [SkippableFact]
    public void Mutated_corpus_files_never_crash_the_loader_and_keep_their_unmodified_documents()
    {
        var pool = Pool(Corpus.Require());
        Skip.If(pool.Count == 0, "the corpus holds no manifest small enough to fuzz");
        Run(pool);
    }

    [Fact]
    public void Mutated_sample_files_never_crash_the_loader_and_keep_their_unmodified_documents()
    {
        // The samples ship with the repository, so this runs in a fresh clone without the corpus.
        var pool = Pool(Corpus.InRepository("samples"));
        Assert.NotEmpty(pool);
        Run(pool);
    }

    private void Run(List<string> pool)
    {
        var iterations = Setting("K8SLANDSCAPE_FUZZ_ITERATIONS", DefaultIterations);
        var seed = Setting("K8SLANDSCAPE_FUZZ_SEED", DefaultSeed);
        output.WriteLine($"fuzzing {iterations} mutations of {pool.Count} files, seed {seed}");
        var loader = new ManifestLoader(new LoaderOptions { MaxParallelism = 2 });
        var originals = new Dictionary<string, (byte[] Bytes, List<Document> Documents, LoadResult Result)>(StringComparer.Ordinal);

        for (var i = 0; i < iterations; i++)
        {
            // One generator per iteration: any failing iteration can be replayed alone.
            var rng = new Random(unchecked(seed * 7919 + i));
            var path = pool[rng.Next(pool.Count)];
            if (!originals.TryGetValue(path, out var original))
            {
                var bytes = File.ReadAllBytes(path);
                original = (bytes, Split(bytes), loader.LoadStream(new MemoryStream(bytes), path));
                originals[path] = original;
            }

            var yaml = IsYaml(path);
            var target = yaml ? rng.Next(original.Documents.Count) : 0;
            var edits = new List<string>();
            byte[] mutated;
            if (yaml)
            {
                // The marker line that opens the document is the boundary under test, not a target:
                // '---x' is no marker, and the documents on both sides would rightly merge.
                var document = original.Documents[target].Bytes;
                var head = IsMarker(document) ? Array.IndexOf(document, (byte)'\n') + 1 : 0;
                if (head == 0 && IsMarker(document)) head = document.Length;
                mutated = [.. document.AsSpan(0, head), .. Mutate(document[head..], rng, edits)];
                // The edited document keeps its own line end, so the next marker stays a marker;
                // the file does not start with a UTF-16 byte order mark, which rejects a whole file.
                if (mutated.Length == 0 || mutated[^1] != (byte)'\n') mutated = [.. mutated, (byte)'\n'];
                if (target == 0 && mutated.Length >= 2 && mutated[0] is 0xFF or 0xFE && mutated[1] is 0xFF or 0xFE) mutated[0] = (byte)' ';
            }
            else
            {
                mutated = Mutate(original.Bytes, rng, edits);
            }

            var input = yaml
                ? original.Documents.SelectMany((d, k) => k == target ? mutated : d.Bytes).ToArray()
                : mutated;
            var what = $"seed {seed}, iteration {i}, file {path}, document {target}, edits: {string.Join("; ", edits)}";

            LoadResult result;
            try
            {
                result = loader.LoadStream(new MemoryStream(input), path);
            }
            catch (Exception ex)
            {
                Assert.Fail($"the loader threw {ex.GetType().Name}: {ex.Message} ({what}; input saved as {Save(input, seed, i, path)})");
                return;
            }

            foreach (var o in result.Objects)
            {
                try
                {
                    using var _ = JsonDocument.Parse(o.Json);
                }
                catch (JsonException ex)
                {
                    Assert.Fail($"the body of {o} is not valid JSON: {ex.Message} ({what}; input saved as {Save(input, seed, i, path)})");
                }
            }

            if (!yaml) continue;
            var missing = MissingSiblings(original.Result, original.Documents, target, result);
            if (missing is not null) Assert.Fail($"{missing} of an unmodified document did not load ({what}; input saved as {Save(input, seed, i, path)})");
        }
    }

    private static string? MissingSiblings(LoadResult original, List<Document> documents, int target, LoadResult mutated)
    {
        var actual = mutated.Objects.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var o in original.Objects)
        {
            var from = documents.FindLastIndex(d => d.FirstLine <= o.Location.Line);
            if (from == target) continue;
            var key = Key(o);
            if (!actual.TryGetValue(key, out var n) || n == 0) return o.ToString();
            actual[key] = n - 1;
        }

        return null;
    }

    private static string Key(KubeObject o) => $"{o.Gvk}|{o.Namespace}|{o.Name}|{o.HelmSource}|{Encoding.UTF8.GetString(o.Json.Span)}";

    private static byte[] Mutate(byte[] source, Random rng, List<string> edits)
    {
        var bytes = new List<byte>(source);
        var count = rng.Next(1, 5);
        for (var n = 0; n < count; n++)
        {
            var at = rng.Next(bytes.Count + 1);
            switch (rng.Next(9))
            {
                case 0 when bytes.Count > 0:
                    var i = Math.Min(at, bytes.Count - 1);
                    bytes[i] = (byte)rng.Next(256);
                    edits.Add($"byte {i} set to 0x{bytes[i]:X2}");
                    break;
                case 1 or 2:
                    var token = Tokens[rng.Next(Tokens.Length)];
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(token));
                    edits.Add($"inserted {JsonSerializer.Serialize(token)} at {at}");
                    break;
                case 3:
                    var raw = RawBytes[rng.Next(RawBytes.Length)];
                    bytes.InsertRange(at, raw);
                    edits.Add($"inserted bytes {Convert.ToHexString(raw)} at {at}");
                    break;
                case 4 when bytes.Count > 0:
                    var length = Math.Min(rng.Next(1, 64), bytes.Count - Math.Min(at, bytes.Count - 1));
                    var start = Math.Min(at, bytes.Count - 1);
                    bytes.RemoveRange(start, length);
                    edits.Add($"deleted {length} bytes at {start}");
                    break;
                case 5 when bytes.Count > 0:
                    var from = rng.Next(bytes.Count);
                    var take = Math.Min(rng.Next(1, 256), bytes.Count - from);
                    var copy = bytes.GetRange(from, take);
                    bytes.InsertRange(at, copy);
                    edits.Add($"copied {take} bytes from {from} to {at}");
                    break;
                case 6:
                    var depth = rng.Next(1, 400);
                    var open = rng.Next(2) == 0 ? '[' : '{';
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes(new string(open, depth)));
                    edits.Add($"inserted {depth} '{open}' at {at}");
                    break;
                case 7:
                    var line = rng.Next(1, 200_000);
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes(new string('x', line)));
                    edits.Add($"inserted {line} 'x' at {at}");
                    break;
                default:
                    var keep = rng.Next(bytes.Count + 1);
                    bytes.RemoveRange(keep, bytes.Count - keep);
                    edits.Add($"truncated to {keep} bytes");
                    break;
            }
        }

        return [.. bytes];
    }

    private sealed record Document(byte[] Bytes, int FirstLine);

    /// <summary>Cuts a YAML file at its marker lines as the loader does; each piece keeps its marker line.</summary>
    private static List<Document> Split(byte[] bytes)
    {
        var documents = new List<Document>();
        var start = 0;
        var startLine = 1;
        var line = 1;
        for (var pos = 0; pos < bytes.Length;)
        {
            var nl = Array.IndexOf(bytes, (byte)'\n', pos);
            var end = nl < 0 ? bytes.Length : nl + 1;
            if (pos > start && IsMarker(bytes.AsSpan(pos, end - pos)))
            {
                documents.Add(new Document(bytes[start..pos], startLine));
                start = pos;
                startLine = line;
            }

            pos = end;
            line++;
        }

        documents.Add(new Document(bytes[start..], startLine));
        return documents;
    }

    private static bool IsMarker(ReadOnlySpan<byte> line) =>
        line.Length >= 3 && (line.StartsWith("---"u8) || line.StartsWith("..."u8)) && (line.Length == 3 || line[3] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');

    private static bool IsYaml(string path) => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static List<string> Pool(string root)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Endings.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && new FileInfo(f).Length is > 0 and <= MaxFileBytes)
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static string Save(byte[] input, int seed, int iteration, string path)
    {
        var file = Path.Combine(Path.GetTempPath(), $"k8sl-fuzz-{seed}-{iteration}{Path.GetExtension(path)}");
        File.WriteAllBytes(file, input);
        return file;
    }
}
