using K8sLandscape.Analyzers.Reporting;
using K8sLandscape.Loading;

namespace K8sLandscape.Cli;

/// <summary>
/// Paths as every command prints them, the way reports do (<see cref="AnalysisReport.DisplayPath(string, string)"/>):
/// relative to the working folder with '/' when below it, as given otherwise; '-' and cluster
/// locations unchanged.
/// </summary>
internal static class CliPaths
{
    /// <summary>A path for text output.</summary>
    public static string Display(string path) => AnalysisReport.DisplayPath(path, Directory.GetCurrentDirectory());

    /// <summary>A load diagnostic as <c>path:line:column: code: message</c>, the path shown as <see cref="Display"/> does.</summary>
    public static string Format(LoadDiagnostic d) =>
        $"{Display(d.Location.Path)}:{d.Location.Line}:{d.Location.Column}: {d.Code}: {d.Message}";
}
