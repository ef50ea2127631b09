namespace K8sLandscape.Analyzers.Reporting;

/// <summary>
/// Renders an <see cref="AnalysisReport"/> in one format. Writers are stateless and deterministic:
/// the same report always gives the same characters (no timestamps, ordinal sorts).
/// </summary>
public interface IReportWriter
{
    /// <summary>The format's name on the command line (<c>text</c>, <c>json</c>, <c>sarif</c>, ...).</summary>
    string Format { get; }

    /// <summary>The usual file extension, with the dot (<c>.sarif</c>).</summary>
    string FileExtension { get; }

    /// <summary>Writes the report. The writer is flushed, not closed.</summary>
    void Write(AnalysisReport report, TextWriter output);
}
