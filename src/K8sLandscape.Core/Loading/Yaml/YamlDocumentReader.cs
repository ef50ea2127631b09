using K8sLandscape.Loading.Trees;

namespace K8sLandscape.Loading.Yaml;

/// <summary>
/// Reads a small YAML file that is not a manifest (a catalog or configuration file) through the same
/// hardened reader as manifests: nesting and node limits, the alias budget, duplicate keys reported
/// with their line, and every node's line and column. Problems come back as located diagnostics,
/// never as exceptions.
/// </summary>
public static class YamlDocumentReader
{
    /// <summary>
    /// The problems the manifest loader's YAML reader finds in <paramref name="text"/>: invalid
    /// syntax, tab indentation, nesting deeper than <see cref="LoaderOptions.MaxDepth"/>, documents or
    /// aliases expanding past <see cref="LoaderOptions.MaxNodesPerDocument"/> or
    /// <see cref="LoaderOptions.MaxAliasNodesPerFile"/>, and repeated keys, each with its file, line
    /// and column. Empty when the text is safe to read.
    /// </summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="path">Names the text in the diagnostics.</param>
    /// <param name="options">The limits; null means <see cref="LoaderOptions.Default"/>.</param>
    public static IReadOnlyList<LoadDiagnostic> Check(string text, string path, LoaderOptions? options = null) => Read(text, path, options).Diagnostics;

    /// <summary>The root of every readable document in <paramref name="text"/>, and the problems met.</summary>
    internal static (IReadOnlyList<Node> Roots, IReadOnlyList<LoadDiagnostic> Diagnostics) Read(string text, string path, LoaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        options ??= LoaderOptions.Default;
        var diagnostics = new List<LoadDiagnostic>();
        var reader = new YamlTreeReader(text, path, 1, options, diagnostics.Add);
        var roots = reader.ReadAll();
        if (reader.AliasNodes > options.MaxAliasNodesPerFile)
        {
            // Each document stayed within its own limit, but together they expand too far.
            diagnostics.Add(new LoadDiagnostic(new SourceSpan(path, 1, 1), LoadDiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error, $"aliases expand to more than {options.MaxAliasNodesPerFile:N0} nodes in this file (LoaderOptions.MaxAliasNodesPerFile); file skipped"));
            return ([], diagnostics);
        }

        return (roots, diagnostics);
    }
}
