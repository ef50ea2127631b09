using System.Text;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Analyzers.Tests.Verification;

/// <summary>
/// What a rule test loads: files written in the test or kept under <c>Fixtures/</c> (both may carry
/// <see cref="Markers"/>), corpus entries (the test skips when the corpus is absent) and the sample
/// cluster, loaded in the order they were added. Written files are named in locations by the path
/// given here; corpus and sample files by their absolute path.
/// </summary>
internal sealed class RuleInput
{
    private readonly List<(string Path, byte[]? Content)> _entries = [];

    private RuleInput(string name) => Name = name;

    /// <summary>The fixture folder copied beside the test assembly.</summary>
    public static string FixturesFolder { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>Names the input in failure messages.</summary>
    public string Name { get; private set; }

    /// <summary>
    /// What to load, in order: files written in the test or kept as fixtures (path and content, markers
    /// still in), and corpus or sample entries (absolute path, no content: loaded from disk as they are).
    /// </summary>
    public IReadOnlyList<(string Path, byte[]? Content)> Entries => _entries;

    /// <summary>One YAML text.</summary>
    public static RuleInput Yaml(string yaml, string path = "test.yaml") => new RuleInput(path).AndFile(path, yaml);

    /// <summary>Several texts, loaded in the order given.</summary>
    public static RuleInput Texts(params (string Path, string Text)[] files)
    {
        var input = new RuleInput(string.Join(", ", files.Select(f => f.Path)));
        foreach (var (path, text) in files) input.AndFile(path, text);
        return input;
    }

    /// <summary>
    /// A fixture under <c>Fixtures/</c>: one file, named by its file name, or a folder whose files are
    /// named by their path inside it and loaded in ordinal path order.
    /// </summary>
    public static RuleInput Fixture(string relative)
    {
        var full = Path.Combine(FixturesFolder, relative);
        var input = new RuleInput("Fixtures/" + relative);
        if (File.Exists(full))
        {
            input._entries.Add((Path.GetFileName(full), File.ReadAllBytes(full)));
            return input;
        }

        if (!Directory.Exists(full)) throw new FileNotFoundException($"fixture '{relative}' is not in {FixturesFolder}", full);
        foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
                     .Select(f => (Relative: Path.GetRelativePath(full, f).Replace('\\', '/'), Full: f))
                     .OrderBy(f => f.Relative, StringComparer.Ordinal))
            input._entries.Add((file.Relative, File.ReadAllBytes(file.Full)));
        return input;
    }

    /// <summary>Corpus files or folders (the test skips when the corpus is absent).</summary>
    public static RuleInput Corpus(params string[] relative) => new RuleInput("corpus").AndCorpus(relative);

    /// <summary>The hand-written fragmented cluster of samples/cluster.</summary>
    public static RuleInput Sample() => new RuleInput("samples/cluster").AndSample();

    /// <summary>Adds a text written in the test.</summary>
    public RuleInput AndFile(string path, string text)
    {
        _entries.Add((path, Encoding.UTF8.GetBytes(text)));
        return this;
    }

    /// <summary>Adds corpus files or folders.</summary>
    public RuleInput AndCorpus(params string[] relative)
    {
        foreach (var r in relative)
        {
            _entries.Add((TestSupport.Corpus.Require(r), null));
            Name += " + " + r;
        }

        return this;
    }

    /// <summary>Adds the sample cluster.</summary>
    public RuleInput AndSample()
    {
        _entries.Add((SamplePath(), null));
        return this;
    }

    /// <summary>The absolute path of a corpus entry, as the loader reports it.</summary>
    public static string CorpusPath(string relative) => TestSupport.Corpus.Require(relative);

    /// <summary>The absolute path of the sample cluster or of one of its files, as the loader reports it.</summary>
    public static string SamplePath(string? file = null) =>
        file is null ? TestSupport.Corpus.InRepository("samples/cluster") : Path.Combine(TestSupport.Corpus.InRepository("samples/cluster"), file);

    /// <summary>How a location's path reads in expectations and messages: corpus and repository files relative to their root.</summary>
    public static string Display(string path)
    {
        if (TestSupport.Corpus.Folder is { } corpus && IsUnder(path, corpus)) return Path.GetRelativePath(corpus, path).Replace('\\', '/');
        if (Path.IsPathRooted(path) && IsUnder(path, TestSupport.Corpus.RepositoryRoot)) return Path.GetRelativePath(TestSupport.Corpus.RepositoryRoot, path).Replace('\\', '/');
        return path;
    }

    public override string ToString() => Name;

    private static bool IsUnder(string path, string root) =>
        Path.IsPathRooted(path) && Path.GetFullPath(path).StartsWith(Path.GetFullPath(root).TrimEnd('/') + "/", StringComparison.Ordinal);
}
