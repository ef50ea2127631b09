using K8sLandscape.TestSupport;
using Newtonsoft.Json.Linq;

namespace K8sLandscape.Cli.Tests;

/// <summary>
/// Mutation fuzzing through the command line: the samples folder with one file mangled
/// (<see cref="ManifestMutator"/>), read by <c>load</c> and <c>analyze</c> with <c>--format json</c>.
/// Asserts exit code 0 or 1 (never an internal error), JSON that parses, and nothing on standard
/// error. Fewer mutations than the loader's own harness, since each runs every rule; more with
/// <c>K8SLANDSCAPE_FUZZ_ITERATIONS</c> and <c>K8SLANDSCAPE_FUZZ_SEED</c>.
/// </summary>
public sealed class CliFuzzTests
{
    private const int DefaultIterations = 25;
    private const int DefaultSeed = 20261203;

    [Fact]
    public void Mutated_samples_give_exit_0_or_1_and_json_that_parses()
    {
        var samples = Corpus.InRepository("samples/cluster");
        var pool = ManifestMutator.Pool(samples, 256 << 10);
        Assert.NotEmpty(pool);
        var (iterations, seed) = ManifestMutator.Settings(DefaultIterations, DefaultSeed);

        for (var i = 0; i < iterations; i++)
        {
            var rng = ManifestMutator.ForIteration(seed, i);
            var victim = pool[rng.Next(pool.Count)];
            var edits = new List<string>();
            var input = ManifestMutator.MutateFile(File.ReadAllBytes(victim), ManifestMutator.IsYaml(victim), rng, edits, out _, out var target);
            using var dir = new TempFolder();
            foreach (var file in pool)
            {
                var relative = Path.GetRelativePath(samples, file);
                var copy = Path.Combine(dir.Path, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.WriteAllBytes(copy, file == victim ? input : File.ReadAllBytes(file));
            }

            var what = $"seed {seed}, iteration {i}, file {victim}, document {target}, edits: {string.Join("; ", edits)}";
            foreach (var command in new[] { "load", "analyze" })
            {
                var run = CliRunner.Run(command, dir.Path, "--format", "json");
                // The message is built only on failure: building it saves the input to a file.
                if (run.ExitCode is not (0 or 1)) Assert.Fail($"{command} exited {run.ExitCode}: {run.Stderr} ({what}; input saved as {ManifestMutator.Save(input, seed, i, victim)})");
                Assert.True(run.Stderr.Length == 0, $"{command} wrote to standard error: {run.Stderr} ({what})");
                try
                {
                    JToken.Parse(run.Stdout);
                }
                catch (Newtonsoft.Json.JsonException ex)
                {
                    Assert.Fail($"{command} wrote JSON that does not parse: {ex.Message} ({what}; input saved as {ManifestMutator.Save(input, seed, i, victim)})");
                }
            }
        }
    }
}
