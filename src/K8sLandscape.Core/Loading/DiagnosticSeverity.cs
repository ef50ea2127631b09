namespace K8sLandscape.Loading;

/// <summary>How serious a diagnostic or finding is. Ordered: a higher value is more serious.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; never fails a run by default.</summary>
    Info = 0,

    /// <summary>Probably wrong; the input was still used.</summary>
    Warning = 1,

    /// <summary>Wrong; the affected document (or relation) could not be used as written.</summary>
    Error = 2,
}
