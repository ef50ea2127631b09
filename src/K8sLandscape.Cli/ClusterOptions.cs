using System.CommandLine;
using K8sLandscape.Loading;
using K8sLandscape.Sources;

namespace K8sLandscape.Cli;

/// <summary>
/// The options every command that can read a live cluster shares (<c>snapshot</c> now; <c>analyze</c>
/// and <c>inventory</c> next): <c>--cluster</c>, <c>--kubeconfig</c>, <c>--context</c>,
/// <c>--namespace</c> (repeatable), tuning and the scan's deadline (<c>--timeout</c>). A command adds them with <see cref="AddTo"/> and, when
/// <see cref="IsRequested"/>, gets its input from <see cref="LoadAsync"/> instead of the loader.
/// </summary>
internal sealed class ClusterOptions
{
    public Option<bool> Cluster { get; } = new("--cluster")
    {
        Description = "Read a live cluster, read-only: --kubeconfig, else KUBECONFIG, else the pod's service account, else ~/.kube/config.",
    };

    public Option<string?> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "The kubeconfig file to use (with --cluster).",
    };

    public Option<string?> Context { get; } = new("--context")
    {
        Description = "The kubeconfig context to use (with --cluster); default: the current context.",
    };

    public Option<string[]> Namespaces { get; } = new("--namespace", "-n")
    {
        Description = "Read namespaced kinds only in this namespace (repeatable; with --cluster); default: all namespaces.",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<bool> NoPods { get; } = new("--no-pods")
    {
        Description = "Do not list pods (device requests and scheduler names of running pods are then not seen).",
    };

    public Option<bool> AllConfigMaps { get; } = new("--all-configmaps")
    {
        Description = "List ConfigMaps in every namespace, not only in the system namespaces.",
    };

    public Option<int> PageSize { get; } = new("--page-size")
    {
        Description = "Objects per list request.",
        DefaultValueFactory = _ => ClusterReadOptions.Default.PageSize,
    };

    public Option<int> Concurrency { get; } = new("--concurrency")
    {
        Description = "List requests in flight at once.",
        DefaultValueFactory = _ => ClusterReadOptions.Default.MaxConcurrency,
    };

    public Option<int> RequestTimeout { get; } = new("--request-timeout")
    {
        Description = "Seconds one request may take before it is retried.",
        DefaultValueFactory = _ => (int)ClusterReadOptions.Default.RequestTimeout.TotalSeconds,
    };

    public Option<int> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds the whole scan may take; what is not read by then is reported as failed. 0 (the default): no limit.",
        DefaultValueFactory = _ => 0,
    };

    /// <summary>Adds every cluster option to a command.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Cluster, Kubeconfig, Context, Namespaces, NoPods, AllConfigMaps, PageSize, Concurrency, RequestTimeout, Timeout })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>True for a command that always reads a cluster (<c>snapshot</c>): <c>--cluster</c> is then accepted but not needed.</summary>
    public bool Implied { get; init; }

    /// <summary>True when <c>--cluster</c> was given, or the command always reads a cluster.</summary>
    public bool IsRequested(ParseResult parse) => Implied || parse.GetValue(Cluster);

    /// <summary>Where and how to connect.</summary>
    public ClusterConnection Connection(ParseResult parse)
    {
        Validate(parse);
        return new ClusterConnection(parse.GetValue(Kubeconfig), parse.GetValue(Context));
    }

    /// <summary>What to read.</summary>
    public ClusterReadOptions ReadOptions(ParseResult parse)
    {
        Validate(parse);
        var options = ClusterReadOptions.Default with
        {
            Namespaces = parse.GetValue(Namespaces) ?? [],
            IncludePods = !parse.GetValue(NoPods),
            AllNamespacesForSystemScopedKinds = parse.GetValue(AllConfigMaps),
            PageSize = parse.GetValue(PageSize),
            MaxConcurrency = parse.GetValue(Concurrency),
            RequestTimeout = TimeSpan.FromSeconds(parse.GetValue(RequestTimeout)),
            Timeout = parse.GetValue(Timeout) switch
            {
                0 => null,
                var seconds and > 0 => TimeSpan.FromSeconds(seconds),
                _ => throw new UsageException("invalid cluster option: --timeout must be 0 (no limit) or a number of seconds"),
            },
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new UsageException($"invalid cluster option: {ex.ParamName} is out of range");
        }

        return options;
    }

    /// <summary>Reads the cluster.</summary>
    /// <exception cref="UsageException">An option is invalid, or the cluster cannot be reached or configured (exit code 2).</exception>
    public async Task<ClusterReadResult> ReadAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var read = ReadOptions(parse);
        try
        {
            using var source = ClusterSource.Connect(Connection(parse));
            return await source.ReadAsync(read, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterSourceException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    /// <summary>Reads the cluster and returns what a command that loads files would get: objects and diagnostics (coverage included).</summary>
    public async Task<LoadResult> LoadAsync(ParseResult parse, CancellationToken cancellationToken) =>
        (await ReadAsync(parse, cancellationToken).ConfigureAwait(false)).Load;

    /// <summary>Writes the coverage as the text every cluster report starts with: what was and was not read.</summary>
    public static void WriteCoverage(TextWriter o, ClusterCoverage c)
    {
        o.WriteLine($"Cluster: context '{c.Context}' at {c.Server}{(c.ServerVersion is null ? string.Empty : ", Kubernetes " + c.ServerVersion)}; namespaces: {(c.Namespaces.Count == 0 ? "all" : string.Join(", ", c.Namespaces))}");
        o.WriteLine($"Read {c.ObjectCount} object(s) of {c.Read.Count} kind(s) in {c.Requests} GET request(s) ({c.Retries} retried, {c.ListRestarts} list restart(s)).");
        WriteKinds(o, "Denied (the credentials may not list them)", c.Denied);
        WriteKinds(o, "Failed", c.Failed);
        // Counted, not listed: an extension that is not installed is no gap in what was read.
        if (c.Missing.Count > 0) o.WriteLine($"Not served by this cluster: {c.Missing.Count} kind(s)");
        WriteKinds(o, "Skipped", c.Skipped);
    }

    private static void WriteKinds(TextWriter o, string title, IReadOnlyList<ClusterKindStatus> kinds)
    {
        if (kinds.Count == 0) return;
        o.WriteLine($"{title}: {kinds.Count}");
        foreach (var k in kinds) o.WriteLine($"  {k.Kind.GroupResource}{(k.Detail is null ? string.Empty : ": " + k.Detail)}");
    }

    private void Validate(ParseResult parse)
    {
        if (IsRequested(parse)) return;
        foreach (var option in new Option[] { Kubeconfig, Context, Namespaces })
        {
            if (parse.GetResult(option) is { Implicit: false }) throw new UsageException($"{option.Name} needs --cluster");
        }
    }
}
