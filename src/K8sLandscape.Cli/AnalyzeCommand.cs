using System.CommandLine;
using K8sLandscape.Analyzers;
using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Analyzers.Reporting;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Sources;

namespace K8sLandscape.Cli;

/// <summary>
/// <c>k8s-landscape analyze PATH... | --cluster [--format F [--output FILE]]... [--config FILE]
/// [--fail-on error|warning|info|none] [--min-severity S] [--rule ID]... [--exclude-rule ID]...
/// [--baseline FILE] [--write-baseline FILE] [--plugin DLL]... [--kubernetes-version V] [--explain]</c>:
/// loads the input, builds the landscape, runs every rule and writes one report per format. The
/// i-th <c>--output</c> goes with the i-th <c>--format</c>; a format without an output goes to
/// standard output (at most one may). Exit code 0 when no active finding is at or above
/// <c>--fail-on</c>, 1 when one is, 2 on a usage or configuration error, 3 on an internal error.
/// </summary>
internal static class AnalyzeCommand
{
    /// <summary>The value of <c>--fail-on</c> that never fails a run because of findings.</summary>
    public const string FailNever = "none";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Files or folders to load; '-' reads standard input; a path that starts with '-' goes after '--'. Not with --cluster.",
        };
        var formats = new Option<string[]>("--format", "-f")
        {
            Description = $"Report format: {string.Join(", ", ReportFormats.Names)} (repeatable; default text).",
            Arity = ArgumentArity.OneOrMore,
        };
        formats.AcceptOnlyFromAmong([.. ReportFormats.Names]);
        var outputs = new Option<string[]>("--output", "-o")
        {
            Description = "File for the report of the --format at the same position (repeatable); a format without one goes to standard output, as does '-'. Unlike kubectl's -o, this is a file: '-o json' is refused (use --format json).",
            Arity = ArgumentArity.OneOrMore,
        };
        var config = CliConfiguration.ConfigOption();
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with 1 when an active finding is at or above this severity: error, warning, info or none.",
            DefaultValueFactory = _ => "error",
        };
        failOn.AcceptOnlyFromAmong([.. SeverityText.Names, FailNever]);
        var minSeverity = new Option<string?>("--min-severity")
        {
            Description = "Leave out findings below this severity: error, warning or info (overrides minimumSeverity of the configuration).",
        };
        minSeverity.AcceptOnlyFromAmong([.. SeverityText.Names]);
        var rules = new Option<string[]>("--rule")
        {
            Description = "Run only this rule (repeatable, case-insensitive); load and engine rules (KL0xxx) still run unless excluded.",
            Arity = ArgumentArity.OneOrMore,
        };
        var excludeRules = new Option<string[]>("--exclude-rule")
        {
            Description = "Do not run this rule (repeatable, case-insensitive).",
            Arity = ArgumentArity.OneOrMore,
        };
        var kubernetesVersion = CliConfiguration.KubernetesVersionOption();
        var explain = new Option<bool>("--explain")
        {
            Description = "In the text report, print each finding's how-to-fix line under it ('k8s-landscape rules ID' prints a rule's whole page).",
        };
        var cluster = new ClusterOptions();
        var adoption = new BaselineOptions();

        var command = new Command("analyze", $"Analyze manifests or a live cluster and report conflicting or duplicate extensions ({string.Join(", ", ReportFormats.Names)}).")
        {
            paths, formats, outputs, config, failOn, minSeverity, rules, excludeRules, kubernetesVersion, explain,
        };
        cluster.AddTo(command);
        adoption.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new Request(
                parse.GetValue(paths) ?? [],
                Pair(parse.GetValue(formats) ?? [], parse.GetValue(outputs) ?? []),
                parse.GetValue(config),
                parse.GetValue(failOn)!,
                parse.GetValue(minSeverity),
                parse.GetValue(rules) ?? [],
                parse.GetValue(excludeRules) ?? [],
                parse.GetValue(kubernetesVersion),
                parse.GetValue(explain));
            return await RunAsync(request, cluster, adoption, parse, stdout, stderr, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private sealed record Target(string Format, string? Path);

    private sealed record Request(
        string[] Paths,
        IReadOnlyList<Target> Targets,
        string? Config,
        string FailOn,
        string? MinSeverity,
        string[] Rules,
        string[] ExcludedRules,
        string? KubernetesVersion,
        bool Explain);

    private static async Task<int> RunAsync(Request request, ClusterOptions cluster, BaselineOptions adoption, ParseResult parse, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var fromCluster = cluster.IsRequested(parse);
        if (fromCluster && request.Paths.Length > 0) throw new UsageException("give paths or --cluster, not both");
        if (!fromCluster && request.Paths.Length == 0) throw new UsageException("nothing to analyze: give files or folders ('-' for standard input), or --cluster");
        cluster.ReadOptions(parse); // rejects --kubeconfig, --context, --namespace without --cluster, and bad tuning values
        if (fromCluster) CurrentInput.Set("the cluster");
        else CurrentInput.Paths(request.Paths);

        var workingDirectory = Directory.GetCurrentDirectory();
        var (options, rules) = BuildOptions(request, workingDirectory, adoption.PluginPaths(parse));
        var engine = rules.WithOptions(options).Build();
        var baseline = adoption.Load(parse);
        var catalog = CliConfiguration.LoadCatalog(options, [], stderr);
        if (catalog is null) return ExitCodes.UsageError;

        var progress = ProgressDisplay.For(stderr);
        // The status line is gone before any report is printed, so the two never interleave on a terminal.
        var report = await progress.RunAsync(async status =>
        {
            LoadResult load;
            ClusterCoverage? coverage = null;
            if (fromCluster)
            {
                status("Reading the cluster (read-only)…");
                var read = await cluster.ReadAsync(parse, ct).ConfigureAwait(false);
                (load, coverage) = (read.Load, read.Coverage);
            }
            else
            {
                status($"Loading {request.Paths.Length} path(s)…");
                load = CliLoader.Create().Load(request.Paths, ct);
            }

            status($"Read {load.Objects.Count} object(s) from {load.Sources.Count} source(s); building the landscape…");
            var landscape = Landscape.Build(load, options.ToLandscapeOptions(catalog));
            status($"Running {engine.Rules.Count(options.IsEnabled)} rule(s) over {landscape.Objects.All.Count} object(s)…");
            var result = engine.Run(landscape, ct);
            return new AnalysisReport(landscape, result, engine.Rules.Where(engine.Options.IsEnabled))
            {
                Coverage = coverage,
                BaseDirectory = workingDirectory,
                Inputs = request.Paths,
                Baseline = baseline,
            };
        }).ConfigureAwait(false);
        Write(report, request, stdout);
        return adoption.Finish(report, parse, stderr) ? ExitCodes.Success : FailureCode(report, request.FailOn);
    }

    /// <summary>Pairs formats with outputs in order; checks that at most one report goes to standard output.</summary>
    private static Target[] Pair(string[] formats, string[] outputs)
    {
        if (formats.Length == 0) formats = [ReportFormats.Text];
        if (outputs.Length > formats.Length)
            throw new UsageException($"{outputs.Length} --output for {formats.Length} --format: each --output goes with the --format at the same position");
        var targets = formats.Select((f, i) => new Target(f, i < outputs.Length && outputs[i] != "-" ? outputs[i] : null)).ToArray();
        if (targets.Count(t => t.Path is null) > 1)
            throw new UsageException("more than one report would go to standard output: give each --format but one an --output");
        var duplicate = targets.Where(t => t.Path is not null)
            .GroupBy(t => Path.GetFullPath(t.Path!), StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new UsageException($"two reports would be written to {duplicate.First().Path}");
        return targets;
    }

    /// <summary>
    /// The options of the run and its rules (built-in and plugins). The rule classes are created once
    /// here (creating them is a good part of a small run's time) and reused for the engine.
    /// </summary>
    private static (AnalysisOptions Options, LandscapeAnalysis Rules) BuildOptions(Request request, string workingDirectory, string[] plugins)
    {
        // Built-in ids are checked while the file is read; custom ids (plugin rules) when the engine is built.
        var builtInRules = LandscapeAnalysis.Create();
        var builtIn = builtInRules.Build().Rules.Select(r => r.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = CliConfiguration.Builder(request.Config, workingDirectory, id => builtIn.Contains(id) || !id.StartsWith("KL", StringComparison.OrdinalIgnoreCase));
        CliConfiguration.ApplyKubernetesVersion(builder, request.KubernetesVersion);

        if (request.MinSeverity is { } min && SeverityText.TryParse(min, out var minimum)) builder.MinimumSeverity = minimum;

        // Plugin rules (from --plugin and the configuration's plugins:) count as known from here on.
        var rules = RulePlugins.With(builtInRules, builder.Build(), plugins);
        var known = rules.WithOptions(AnalysisOptions.Default).Build().Rules;
        var byId = known.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        var selected = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (option, values) in new[] { ("--rule", request.Rules), ("--exclude-rule", request.ExcludedRules) })
        {
            // Ids are matched without case, as people type them (kl3001); reports use the canonical id.
            var unknown = values.Where(v => !byId.ContainsKey(v.Trim())).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            if (unknown.Length > 0)
                throw new UsageException($"unknown rule id(s) in {option}: {string.Join(", ", unknown)}; 'k8s-landscape rules' lists every rule");
            selected[option] = values.Select(v => byId[v.Trim()].Id).Distinct(StringComparer.Ordinal).ToArray();
        }

        if (selected["--rule"].Length > 0)
        {
            // Load and engine problems (KL0xxx) stay on: a file that could not be read must not
            // pass silently because only one rule was asked for.
            var only = new HashSet<string>(selected["--rule"], StringComparer.Ordinal);
            foreach (var r in known)
            {
                if (only.Contains(r.Id)) builder.EnableRule(r.Id);
                else if (r.Category != RuleCategory.Engine) builder.DisableRule(r.Id);
            }
        }

        foreach (var id in selected["--exclude-rule"]) builder.DisableRule(id);
        return (builder.Build(), rules);
    }

    private static void Write(AnalysisReport report, Request request, TextWriter stdout)
    {
        foreach (var target in request.Targets)
        {
            if (target.Path is null)
            {
                CreateWriter(target.Format, ReferenceEquals(stdout, Console.Out), request.Explain).Write(report, stdout);
                continue;
            }

            try
            {
                var full = Path.GetFullPath(target.Path);
                if (Path.GetDirectoryName(full) is { } dir) Directory.CreateDirectory(dir);
                using var file = new StreamWriter(full, append: false, new System.Text.UTF8Encoding(false));
                CreateWriter(target.Format, toConsole: false, request.Explain).Write(report, file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot write {CliPaths.Display(target.Path)}: {ex.Message}");
            }
        }
    }

    private static IReportWriter CreateWriter(string format, bool toConsole, bool explain)
    {
        if (format != ReportFormats.Text) return ReportFormats.Create(format);
        if (!toConsole) return new TextReportWriter { Explain = explain };
        return new TextReportWriter(TerminalColor.ForConsole(), TerminalWidth.Current()) { Explain = explain };
    }

    private static int FailureCode(AnalysisReport report, string failOn)
    {
        if (failOn == FailNever || !SeverityText.TryParse(failOn, out var threshold)) return ExitCodes.Success;
        return report.Summary.AtOrAbove(threshold) > 0 ? ExitCodes.Findings : ExitCodes.Success;
    }
}
