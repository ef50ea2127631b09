namespace K8sLandscape.Loading;

/// <summary>Limits and switches of the loader. The defaults are safe for untrusted input.</summary>
public sealed record LoaderOptions
{
    /// <summary>The default options.</summary>
    public static LoaderOptions Default { get; } = new();

    /// <summary>Largest file (or standard input) read, in bytes. Default 1 GiB.</summary>
    public long MaxFileBytes { get; init; } = 1L << 30;

    /// <summary>Largest single document, in bytes. Default 16 MiB (etcd refuses objects above 1.5 MiB by default).</summary>
    public int MaxDocumentBytes { get; init; } = 16 << 20;

    /// <summary>Deepest nesting of mappings and sequences in one document, in every format. Default 200; values above 512 (the deepest JSON body an object may have) act as 512.</summary>
    public int MaxDepth { get; init; } = 200;

    /// <summary>Most nodes one document may expand to, aliases included (stops "billion laughs"). Default 2,000,000.</summary>
    public long MaxNodesPerDocument { get; init; } = 2_000_000;

    /// <summary>
    /// Most nodes that aliases may add, summed over the documents of one file. Each document stays
    /// under <see cref="MaxNodesPerDocument"/>, but a file of many such documents would still cost
    /// gigabytes once written out. Default 4,000,000.
    /// </summary>
    public long MaxAliasNodesPerFile { get; init; } = 4_000_000;

    /// <summary>Most nodes that aliases may add, summed over every file of one load. Default 16,000,000.</summary>
    public long MaxAliasNodesPerRun { get; init; } = 16_000_000;

    /// <summary>Documents parsed at once. Default: the number of cores.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>File name endings read when a folder is loaded (in addition to the runtime configuration names).</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [".yaml", ".yml", ".json", ".conf", ".conflist", ".toml"];

    /// <summary>
    /// Opens standard input, read when a path is <c>-</c> (<see cref="ManifestLoader.StandardInput"/>).
    /// Null (the default) means the host has none to give: <c>-</c> then becomes a KL0003 diagnostic.
    /// A command-line host passes <c>Console.OpenStandardInput</c>.
    /// </summary>
    public Func<Stream>? StandardInput { get; init; }
}
