using K8sLandscape.Loading;

namespace K8sLandscape.Cli;

/// <summary>The loader every command uses: the library's defaults, with the process's standard input for <c>-</c>.</summary>
internal static class CliLoader
{
    /// <summary>A loader that reads <c>-</c> from the console's standard input.</summary>
    public static ManifestLoader Create() => new(new LoaderOptions { StandardInput = Console.OpenStandardInput });
}
