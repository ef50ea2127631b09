namespace K8sLandscape.Loading;

/// <summary>
/// A problem met while reading input. The loader never throws on bad input: each problem becomes
/// one of these, and every other document is still loaded.
/// </summary>
/// <param name="Location">File, line and column of the problem.</param>
/// <param name="Code">A stable code from <see cref="LoadDiagnosticCodes"/>.</param>
/// <param name="Severity">How serious the problem is.</param>
/// <param name="Message">What is wrong, in one sentence.</param>
public sealed record LoadDiagnostic(SourceSpan Location, string Code, DiagnosticSeverity Severity, string Message)
{
    /// <summary>Formats as <c>file:line:column: code: message</c>.</summary>
    public override string ToString() =>
        $"{Location.Path}:{Location.Line}:{Location.Column}: {Code}: {Message}";
}
