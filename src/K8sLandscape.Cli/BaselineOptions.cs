using System.CommandLine;
using K8sLandscape.Analyzers.Baselines;
using K8sLandscape.Analyzers.Reporting;

namespace K8sLandscape.Cli;

/// <summary>
/// What <c>analyze</c> needs to be adopted on a cluster that already has findings and to run
/// custom rules: <c>--baseline FILE</c>, <c>--write-baseline FILE</c> and <c>--plugin DLL</c>
/// (repeatable). See docs/baselines.md and docs/writing-rules.md.
/// </summary>
internal sealed class BaselineOptions
{
    public Option<string?> Baseline { get; } = new("--baseline")
    {
        Description = "Report only findings not in this baseline file, and fail only on those (SARIF marks each result new, unchanged or absent).",
    };

    public Option<string?> WriteBaseline { get; } = new("--write-baseline")
    {
        Description = "Record today's active findings in this file (to pass to --baseline later); the run then exits 0.",
    };

    public Option<string[]> Plugins { get; } = new("--plugin")
    {
        Description = "Load the rules of this .NET assembly (repeatable; adds to plugins: of the configuration).",
        Arity = ArgumentArity.OneOrMore,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Baseline);
        command.Options.Add(WriteBaseline);
        command.Options.Add(Plugins);
    }

    public string[] PluginPaths(ParseResult parse) => parse.GetValue(Plugins) ?? [];

    /// <summary>The baseline to compare with, read before the (long) analysis so a bad file fails fast.</summary>
    /// <exception cref="UsageException">The file does not exist.</exception>
    /// <exception cref="Analyzers.Configuration.ConfigurationException">The file is not a baseline.</exception>
    public Baseline? Load(ParseResult parse)
    {
        if (parse.GetValue(Baseline) is not { } path) return null;
        if (!File.Exists(path)) throw new UsageException($"baseline {path} does not exist (write one with --write-baseline)");
        return Analyzers.Baselines.Baseline.Load(path);
    }

    /// <summary>Reports how the run compares with the baseline, and writes the new baseline; true when one was written.</summary>
    public bool Finish(AnalysisReport report, ParseResult parse, TextWriter stderr)
    {
        if (report.BaselineComparison is { } c)
            stderr.WriteLine($"baseline {parse.GetValue(Baseline)}: {c.New.Count} new, {c.Unchanged.Count} unchanged, {c.Absent.Count} absent (fixed or gone)");
        if (parse.GetValue(WriteBaseline) is not { } path) return false;
        var baseline = Analyzers.Baselines.Baseline.Of(report);
        try
        {
            var full = Path.GetFullPath(path);
            if (Path.GetDirectoryName(full) is { } dir) Directory.CreateDirectory(dir);
            using var file = new StreamWriter(full, append: false, new System.Text.UTF8Encoding(false));
            baseline.Write(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write {path}: {ex.Message}");
        }

        stderr.WriteLine($"wrote baseline {path} with {baseline.Entries.Count} finding(s)");
        return true;
    }
}
