using System.CommandLine;
using System.Text.Json;
using K8sLandscape.Analyzers;
using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Analyzers.Fleet;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Sources;

namespace K8sLandscape.Cli;

/// <summary>
/// The inputs of <c>compare</c> and <c>fleet</c>, each one cluster: a folder, a manifest or snapshot
/// file, a saved JSON report or summary, or (with <c>--cluster</c>) a kubeconfig context per
/// <c>--context</c>. Each is read into a <see cref="LandscapeSummary"/> and its landscape let go
/// before the next is read, so memory holds one cluster's objects at a time.
/// </summary>
internal sealed class ClusterInputs
{
    private readonly ClusterOptions _cluster = new();

    public Argument<string[]> Paths { get; } = new("inputs")
    {
        Arity = ArgumentArity.ZeroOrMore,
        Description = "Clusters to read: folders, manifest or snapshot files, saved 'analyze --format json' reports or summaries.",
    };

    public Option<string[]> Contexts { get; } = new("--context")
    {
        Description = "With --cluster: a kubeconfig context to read as one cluster (repeatable; read after the paths). Default: the current context.",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string?> Config { get; } = CliConfiguration.ConfigOption();

    /// <summary>Adds the inputs, --config and the cluster options (but the single --context) to a command.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        command.Options.Add(Config);
        command.Options.Add(Contexts);
        foreach (var option in new Option[] { _cluster.Cluster, _cluster.Kubeconfig, _cluster.Namespaces, _cluster.NoPods, _cluster.AllConfigMaps, _cluster.PageSize, _cluster.Concurrency, _cluster.RequestTimeout })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The inputs in order: paths, then contexts (null: the current context).</summary>
    /// <exception cref="UsageException">--context or a cluster option without --cluster.</exception>
    public IReadOnlyList<Input> List(ParseResult parse)
    {
        var paths = parse.GetValue(Paths) ?? [];
        var contexts = parse.GetValue(Contexts) ?? [];
        var fromCluster = _cluster.IsRequested(parse);
        if (!fromCluster && contexts.Length > 0) throw new UsageException("--context needs --cluster");
        _cluster.ReadOptions(parse); // rejects --kubeconfig, --namespace without --cluster, and bad tuning values
        var inputs = paths.Select(p => new Input(p, null)).ToList();
        if (fromCluster) inputs.AddRange(contexts.Length == 0 ? [new Input(null, null)] : contexts.Select(c => new Input(null, c)));
        return inputs;
    }

    /// <summary>The configuration (file given or found), its catalog (null when invalid; problems printed) and the rules, set up once for every input.</summary>
    public Setup? Configure(ParseResult parse, TextWriter stderr)
    {
        var options = CliConfiguration.Builder(parse.GetValue(Config), Directory.GetCurrentDirectory()).Build();
        var catalog = CliConfiguration.LoadCatalog(options, [], stderr);
        return catalog is null ? null : new Setup(options, catalog, LandscapeAnalysis.Create(options).Build());
    }

    /// <summary>Reads one input into its summary; load problems go to <paramref name="stderr"/>.</summary>
    /// <exception cref="UsageException">The input does not exist, a saved summary is malformed, or the cluster cannot be read.</exception>
    public async Task<LandscapeSummary> ReadAsync(Input input, ParseResult parse, Setup setup, TextWriter stderr, CancellationToken ct)
    {
        LoadResult load;
        string name, source;
        if (input.Path is { } path)
        {
            if (path != ManifestLoader.StandardInput && !File.Exists(path) && !Directory.Exists(path)) throw new UsageException($"input {path} does not exist");
            if (SavedSummary(path) is { } saved) return saved;
            load = CliLoader.Create().Load(path, ct);
            (name, source) = (LandscapeSummaryBuilder.NameOf(path), path);
        }
        else
        {
            try
            {
                using var cluster = ClusterSource.Connect(new ClusterConnection(parse.GetValue(_cluster.Kubeconfig), input.Context));
                var read = await cluster.ReadAsync(_cluster.ReadOptions(parse), ct).ConfigureAwait(false);
                load = read.Load;
                (name, source) = (read.Coverage.Context, "context:" + read.Coverage.Context);
            }
            catch (ClusterSourceException ex)
            {
                throw new UsageException(ex.Message);
            }
        }

        foreach (var d in load.Diagnostics) stderr.WriteLine(d.ToString());
        var landscape = Landscape.Build(load, setup.Options.ToLandscapeOptions(setup.Catalog));
        var result = setup.Engine.Run(landscape, ct);
        return LandscapeSummaryBuilder.Build(landscape, result.Findings, name, source);
    }

    /// <summary>The summary a saved JSON report or summary file carries, or null for any other file.</summary>
    private static LandscapeSummary? SavedSummary(string path)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || !File.Exists(path)) return null;
        try
        {
            using var stream = File.OpenRead(path);
            using var doc = JsonDocument.Parse(stream);
            return LandscapeSummaryJson.Find(doc.RootElement);
        }
        catch (JsonException)
        {
            return null; // not JSON the tool wrote: the loader reads it and reports what is wrong with it
        }
        catch (FormatException ex)
        {
            throw new UsageException($"{path}: invalid landscape summary: {ex.Message}");
        }
    }

    /// <summary>What every input is read with.</summary>
    internal sealed record Setup(AnalysisOptions Options, ComponentCatalog Catalog, AnalyzerEngine Engine);

    /// <summary>One cluster to read: a path, or a context (null: the current one) when <see cref="Path"/> is null.</summary>
    internal sealed record Input(string? Path, string? Context);
}
