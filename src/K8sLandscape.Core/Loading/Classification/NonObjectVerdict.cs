namespace K8sLandscape.Loading.Classification;

/// <summary>How a document that is not a cluster object is reported (always under <see cref="LoadDiagnosticCodes.NotAManifest"/>).</summary>
/// <param name="Severity">Info for a recognized file of another tool or plain data; warning for a document that looks like a broken object.</param>
/// <param name="Message">What the document is and what to do with it.</param>
internal readonly record struct NonObjectVerdict(DiagnosticSeverity Severity, string Message);
