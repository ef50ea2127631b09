using System.Globalization;
using System.Text;
using System.Text.Json;

namespace K8sLandscape.TestSupport;

/// <summary>
/// Seeded random edits for mutation fuzzing of manifests: bytes, brackets, tabs, NULs, markers,
/// anchors, long lines, truncation. The fuzz harnesses use it to mangle one document of a real file.
/// </summary>
public static class ManifestMutator
{
    /// <summary>File endings the loader reads, and so the ones worth mutating.</summary>
    public static IReadOnlyList<string> Endings { get; } = [".yaml", ".yml", ".json", ".toml", ".conf", ".conflist"];

    // Pieces that parsers and the splitter treat specially.
    private static readonly string[] Tokens =
    [
        "[", "]", "{", "}", ": ", "- ", "? ", ",", "\t", "\0", "&a ", "*a", "*zz", "<<: *a\n", "<<: ", "!!binary ", "!!int ", "!custom ",
        "|", "|-\n", ">", "\"", "'", "\\", "\n", "\r", "\r\n", "#", "# Source: x/y.yaml\n", "%YAML 1.1\n", "\n---\n", "\n...\n", "--- ",
        "\uFEFF", "\u202E", "\u001B[31m", "0x", "1e999", ".inf", "~", "null", "yes", "apiVersion: ", "kind: List\nitems:\n", "metadata:\n  name: ",
        "= ", "[[a]]\n", "a.b.c = 1\n", "\"\"\"",
    ];

    private static readonly byte[][] RawBytes = [[0xFF], [0xC3], [0xE2, 0x82], [0xEF, 0xBB, 0xBF], [0xFE, 0xFF], [0x1B], [0x7F]];

    /// <summary>The number of iterations and the seed, from <c>K8SLANDSCAPE_FUZZ_ITERATIONS</c> and <c>K8SLANDSCAPE_FUZZ_SEED</c> when set.</summary>
    public static (int Iterations, int Seed) Settings(int defaultIterations, int defaultSeed) =>
        (Setting("K8SLANDSCAPE_FUZZ_ITERATIONS", defaultIterations), Setting("K8SLANDSCAPE_FUZZ_SEED", defaultSeed));

    /// <summary>The generator of one iteration: any failing iteration can be replayed alone.</summary>
    public static Random ForIteration(int seed, int iteration) => new(unchecked(seed * 7919 + iteration));

    /// <summary>The files under <paramref name="root"/> with a loadable ending and at most <paramref name="maxBytes"/> bytes, in ordinal order.</summary>
    public static List<string> Pool(string root, int maxBytes)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Endings.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && new FileInfo(f).Length > 0 && new FileInfo(f).Length <= maxBytes)
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>True for a file read as YAML (a stream of documents).</summary>
    public static bool IsYaml(string path) => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Mutates one document of a YAML file (or a whole file of another format) and returns the new
    /// file. The marker line that opens the edited document and its final line end are kept, so
    /// the other documents of the file keep their boundaries.
    /// </summary>
    public static byte[] MutateFile(byte[] file, bool yaml, Random rng, List<string> edits, out List<ManifestPiece> documents, out int target)
    {
        if (!yaml)
        {
            documents = [new ManifestPiece(file, 1)];
            target = 0;
            return Mutate(file, rng, edits);
        }

        documents = Split(file);
        target = rng.Next(documents.Count);
        var document = documents[target].Bytes;
        // '---x' is no marker: the documents on both sides would rightly merge.
        var head = IsMarker(document) ? Array.IndexOf(document, (byte)'\n') + 1 : 0;
        if (head == 0 && IsMarker(document)) head = document.Length;
        byte[] mutated = [.. document.AsSpan(0, head), .. Mutate(document[head..], rng, edits)];
        if (mutated.Length == 0 || mutated[^1] != (byte)'\n') mutated = [.. mutated, (byte)'\n'];
        // A UTF-16 byte order mark rejects a whole file, rightly.
        if (target == 0 && mutated.Length >= 2 && mutated[0] is 0xFF or 0xFE && mutated[1] is 0xFF or 0xFE) mutated[0] = (byte)' ';
        var t = target;
        return documents.SelectMany((d, k) => k == t ? mutated : d.Bytes).ToArray();
    }

    /// <summary>Cuts a YAML file at its marker lines as the loader does; each piece keeps its marker line.</summary>
    public static List<ManifestPiece> Split(byte[] bytes)
    {
        var documents = new List<ManifestPiece>();
        var start = 0;
        var startLine = 1;
        var line = 1;
        for (var pos = 0; pos < bytes.Length;)
        {
            var nl = Array.IndexOf(bytes, (byte)'\n', pos);
            var end = nl < 0 ? bytes.Length : nl + 1;
            if (pos > start && IsMarker(bytes.AsSpan(pos, end - pos)))
            {
                documents.Add(new ManifestPiece(bytes[start..pos], startLine));
                start = pos;
                startLine = line;
            }

            pos = end;
            line++;
        }

        documents.Add(new ManifestPiece(bytes[start..], startLine));
        return documents;
    }

    /// <summary>Applies one to four random edits to <paramref name="source"/>, describing each in <paramref name="edits"/>.</summary>
    public static byte[] Mutate(byte[] source, Random rng, List<string> edits)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(edits);
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
                    var start = Math.Min(at, bytes.Count - 1);
                    var length = Math.Min(rng.Next(1, 64), bytes.Count - start);
                    bytes.RemoveRange(start, length);
                    edits.Add($"deleted {length} bytes at {start}");
                    break;
                case 5 when bytes.Count > 0:
                    var from = rng.Next(bytes.Count);
                    var take = Math.Min(rng.Next(1, 256), bytes.Count - from);
                    bytes.InsertRange(at, bytes.GetRange(from, take));
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

    /// <summary>Writes a failing input to the temp folder and returns its path, for the failure message.</summary>
    public static string Save(byte[] input, int seed, int iteration, string path)
    {
        var file = Path.Combine(Path.GetTempPath(), $"k8sl-fuzz-{seed}-{iteration}{Path.GetExtension(path)}");
        File.WriteAllBytes(file, input);
        return file;
    }

    private static bool IsMarker(ReadOnlySpan<byte> line) =>
        line.Length >= 3 && (line.StartsWith("---"u8) || line.StartsWith("..."u8)) && (line.Length == 3 || line[3] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
