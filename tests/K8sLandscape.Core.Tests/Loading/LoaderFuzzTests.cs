using System.Text;
using System.Text.Json;
using K8sLandscape.Loading;
using K8sLandscape.TestSupport;
using Xunit.Abstractions;

namespace K8sLandscape.Core.Tests.Loading;

/// <summary>
/// Mutation fuzzing of the loader: real manifests (the shared corpus, or the repository's samples
/// in a fresh clone) with one document mangled by seeded random edits (<see cref="ManifestMutator"/>).
/// Asserts that the loader never throws, that every object of every unmodified document still
/// loads with the same body, and that every body is valid JSON. Bounded for CI (300 mutations
/// each); run longer with <c>K8SLANDSCAPE_FUZZ_ITERATIONS</c> and <c>K8SLANDSCAPE_FUZZ_SEED</c>
/// (docs/loading.md). A failure names the seed and iteration and saves the mutated input.
/// </summary>
public sealed class LoaderFuzzTests(ITestOutputHelper output)
{
    private const int DefaultIterations = 300;
    private const int DefaultSeed = 20261203;
    private const int MaxFileBytes = 256 << 10;

    [SkippableFact]
    public void Mutated_corpus_files_never_crash_the_loader_and_keep_their_unmodified_documents()
    {
        var pool = ManifestMutator.Pool(Corpus.Require(), MaxFileBytes);
        Skip.If(pool.Count == 0, "the corpus holds no manifest small enough to fuzz");
        Run(pool);
    }

    [Fact]
    public void Mutated_sample_files_never_crash_the_loader_and_keep_their_unmodified_documents()
    {
        // The samples ship with the repository, so this runs in a fresh clone without the corpus.
        var pool = ManifestMutator.Pool(Corpus.InRepository("samples"), MaxFileBytes);
        Assert.NotEmpty(pool);
        Run(pool);
    }

    private void Run(List<string> pool)
    {
        var (iterations, seed) = ManifestMutator.Settings(DefaultIterations, DefaultSeed);
        output.WriteLine($"fuzzing {iterations} mutations of {pool.Count} files, seed {seed}");
        var loader = new ManifestLoader(new LoaderOptions { MaxParallelism = 2 });
        var originals = new Dictionary<string, (byte[] Bytes, LoadResult Result)>(StringComparer.Ordinal);

        for (var i = 0; i < iterations; i++)
        {
            var rng = ManifestMutator.ForIteration(seed, i);
            var path = pool[rng.Next(pool.Count)];
            if (!originals.TryGetValue(path, out var original))
            {
                var bytes = File.ReadAllBytes(path);
                original = (bytes, loader.LoadStream(new MemoryStream(bytes), path));
                originals[path] = original;
            }

            var yaml = ManifestMutator.IsYaml(path);
            var edits = new List<string>();
            var input = ManifestMutator.MutateFile(original.Bytes, yaml, rng, edits, out var documents, out var target);
            var what = $"seed {seed}, iteration {i}, file {path}, document {target}, edits: {string.Join("; ", edits)}";

            LoadResult result;
            try
            {
                result = loader.LoadStream(new MemoryStream(input), path);
            }
            catch (Exception ex)
            {
                Assert.Fail($"the loader threw {ex.GetType().Name}: {ex.Message} ({what}; input saved as {ManifestMutator.Save(input, seed, i, path)})");
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
                    Assert.Fail($"the body of {o} is not valid JSON: {ex.Message} ({what}; input saved as {ManifestMutator.Save(input, seed, i, path)})");
                }
            }

            if (!yaml) continue;
            var missing = MissingSibling(original.Result, documents, target, result);
            if (missing is not null) Assert.Fail($"{missing} of an unmodified document did not load ({what}; input saved as {ManifestMutator.Save(input, seed, i, path)})");
        }
    }

    private static string? MissingSibling(LoadResult original, List<ManifestPiece> documents, int target, LoadResult mutated)
    {
        var actual = mutated.Objects.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var o in original.Objects)
        {
            if (documents.FindLastIndex(d => d.FirstLine <= o.Location.Line) == target) continue;
            var key = Key(o);
            if (!actual.TryGetValue(key, out var n) || n == 0) return o.ToString();
            actual[key] = n - 1;
        }

        return null;
    }

    private static string Key(KubeObject o) => $"{o.Gvk}|{o.Namespace}|{o.Name}|{o.HelmSource}|{Encoding.UTF8.GetString(o.Json.Span)}";
}
