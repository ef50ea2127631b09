using System.Collections.Concurrent;
using System.Reflection;
using K8sLandscape.Analyzers;
using K8sLandscape.Analyzers.Configuration;

namespace K8sLandscape.Cli;

/// <summary>
/// Rule assemblies named by <c>--plugin</c> and the configuration's <c>plugins:</c>: each loaded once
/// per process into its own <see cref="PluginLoadContext"/>, its analyzer and validator classes added
/// to the built-in rules.
/// </summary>
internal static class RulePlugins
{
    private static readonly ConcurrentDictionary<string, Lazy<Assembly>> Loaded = new(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="builtIn"/> (the built-in rules) with <paramref name="options"/>, plus the rules
    /// of every plugin: the configuration's (relative to its folder) first, then the command line's
    /// (relative to the working folder).
    /// </summary>
    /// <exception cref="UsageException">A plugin is missing, is not a .NET assembly, declares no rules or a bad rule id.</exception>
    public static LandscapeAnalysis With(LandscapeAnalysis builtIn, AnalysisOptions options, IEnumerable<string> commandLinePlugins)
    {
        var baseDirectory = options.BaseDirectory ?? Directory.GetCurrentDirectory();
        var paths = options.PluginFiles.Select(p => (Given: p, Full: Path.GetFullPath(p, baseDirectory)))
            .Concat(commandLinePlugins.Select(p => (Given: p, Full: Path.GetFullPath(p))))
            .DistinctBy(p => p.Full, StringComparer.Ordinal);
        var analysis = builtIn.WithOptions(options);
        foreach (var (given, full) in paths)
        {
            var before = Count(analysis, given);
            analysis = analysis.AddAnalyzersFromAssembly(Load(given, full));
            if (Count(analysis, given) == before)
                throw new UsageException($"plugin {given} declares no rules: it needs public LandscapeAnalyzer (or IObjectValidator) classes with a parameterless constructor");
        }

        return analysis;
    }

    private static int Count(LandscapeAnalysis analysis, string plugin)
    {
        try
        {
            return analysis.WithOptions(AnalysisOptions.Default).Build().Rules.Count;
        }
        catch (AnalyzerRegistrationException ex)
        {
            throw new UsageException($"plugin {plugin}: {ex.Message}");
        }
    }

    private static Assembly Load(string given, string full)
    {
        if (!File.Exists(full)) throw new UsageException($"plugin {given} does not exist");
        try
        {
            return Loaded.GetOrAdd(full, f => new Lazy<Assembly>(() => new PluginLoadContext(f).LoadFromAssemblyPath(f))).Value;
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or IOException)
        {
            Loaded.TryRemove(full, out _);
            throw new UsageException($"plugin {given} cannot be loaded: {ex.Message}");
        }
    }
}
