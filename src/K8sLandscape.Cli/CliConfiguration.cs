using System.CommandLine;
using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Analyzers.Reporting;
using K8sLandscape.Model;

namespace K8sLandscape.Cli;

/// <summary>
/// The configuration file and user catalogs, shared by every command that builds a landscape:
/// <c>--config FILE</c>, or <c>.k8s-landscape.yaml</c> in the working folder when present.
/// </summary>
internal static class CliConfiguration
{
    /// <summary>The <c>--config</c> option.</summary>
    public static Option<string?> ConfigOption() => new("--config")
    {
        Description = $"Configuration file; default: {AnalysisConfigFile.FileName} in the working folder, when present.",
    };

    /// <summary>
    /// Starts options from the configuration file (given or found); throws <see cref="UsageException"/>
    /// for a missing file and <see cref="ConfigurationException"/> listing every problem of the file at
    /// once, unknown rule ids (when <paramref name="isKnownRule"/> is given) among them.
    /// </summary>
    public static AnalysisOptionsBuilder Builder(string? configPath, string workingDirectory, Func<string, bool>? isKnownRule = null)
    {
        var builder = new AnalysisOptionsBuilder();
        if (configPath is not null && !File.Exists(configPath)) throw new UsageException($"configuration file {CliPaths.Display(configPath)} does not exist");
        var file = configPath ?? AnalysisConfigFile.Find(workingDirectory);
        if (file is not null) builder.Apply(AnalysisConfigFile.Load(file, isKnownRule));
        return builder;
    }

    /// <summary>The <c>--kubernetes-version</c> option: the version rules judge against, over the configuration's <c>kubernetesVersion</c>.</summary>
    public static Option<string?> KubernetesVersionOption() => new("--kubernetes-version")
    {
        Description = "The Kubernetes version to judge against, such as 1.31 (default: kubernetesVersion of the configuration, else the newest release the tool knows).",
    };

    /// <summary>Applies a <c>--kubernetes-version</c> value; a usage error when it is not a version such as 1.31.</summary>
    public static void ApplyKubernetesVersion(AnalysisOptionsBuilder builder, string? value)
    {
        if (value is null) return;
        if (!Model.KubernetesVersion.TryParse(value, out var version) || version.Major != 1)
            throw new UsageException($"--kubernetes-version '{value}' is not a Kubernetes version such as 1.31");
        builder.KubernetesVersion = version;
    }

    /// <summary>
    /// The built-in catalog plus the configuration's catalog files and any extra ones, or null (after
    /// printing every problem with file, line, entry and field) when one is invalid.
    /// </summary>
    public static ComponentCatalog? LoadCatalog(AnalysisOptions options, IReadOnlyList<string> extraFiles, TextWriter stderr)
    {
        var baseDirectory = options.BaseDirectory ?? Directory.GetCurrentDirectory();
        var files = options.CatalogFiles.Select(f => Path.GetFullPath(f, baseDirectory))
            .Concat(extraFiles.Select(f => Path.GetFullPath(f)))
            .ToArray();
        if (files.Length == 0) return ComponentCatalog.BuiltIn;
        var loaded = ComponentCatalog.LoadFiles(files);
        if (loaded.IsValid) return loaded.Catalog;
        var from = extraFiles.Count > 0 && options.CatalogFiles.Count == 0 ? "--catalog" : options.SourceFile is { } f ? CliPaths.Display(f) : "the configuration";
        CliError.Write(
            stderr,
            [$"invalid catalog file(s) named in {from} ({loaded.Diagnostics.Count} problem(s)):"],
            loaded.Diagnostics.Select(d => TerminalText.Escape((d with { Path = CliPaths.Display(d.Path) }).ToString())),
            hint: null);
        return null;
    }
}
