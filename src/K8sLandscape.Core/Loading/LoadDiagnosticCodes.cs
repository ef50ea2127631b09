namespace K8sLandscape.Loading;

/// <summary>
/// Stable codes of load diagnostics. They share the <c>KL0xxx</c> range with the engine's own
/// findings, so a report holds load problems and rule findings side by side.
/// </summary>
public static class LoadDiagnosticCodes
{
    /// <summary>A document is not valid YAML or JSON (syntax error, bad indentation).</summary>
    public const string InvalidSyntax = "KL0002";

    /// <summary>A file or folder could not be read (missing, permission denied, I/O error).</summary>
    public const string UnreadableSource = "KL0003";

    /// <summary>A file is not UTF-8 text (invalid byte sequence, binary content).</summary>
    public const string InvalidEncoding = "KL0004";

    /// <summary>A document is a scalar or a sequence where a mapping (an object) was expected.</summary>
    public const string NotAMapping = "KL0005";

    /// <summary>A document lacks <c>apiVersion</c> or <c>kind</c>, or has them in the wrong form.</summary>
    public const string MissingTypeInformation = "KL0006";

    /// <summary>A document lacks <c>metadata.name</c>.</summary>
    public const string MissingName = "KL0007";

    /// <summary>A mapping repeats a key; the last value wins, as in the API server's JSON decoding.</summary>
    public const string DuplicateKey = "KL0008";

    /// <summary>A safety limit was exceeded (size, nesting depth, alias expansion).</summary>
    public const string LimitExceeded = "KL0009";

    /// <summary>A file holds no documents at all.</summary>
    public const string EmptyFile = "KL0010";

    /// <summary>Tabs are used for indentation, which YAML forbids.</summary>
    public const string TabIndentation = "KL0011";

    /// <summary>
    /// A document or file was read but is not a Kubernetes object nor a known configuration file:
    /// another tool's file (kustomize, Helm chart source, kubeconfig, ...) or plain data, at info; a
    /// document that looks like an object with its type missing, at warning.
    /// </summary>
    public const string NotAManifest = "KL0012";

    /// <summary>All codes with a one-line description each, in code order.</summary>
    public static IReadOnlyList<(string Code, string Title)> All { get; } =
    [
        (InvalidSyntax, "Document is not valid YAML or JSON"),
        (UnreadableSource, "File or folder could not be read"),
        (InvalidEncoding, "File is not UTF-8 text"),
        (NotAMapping, "Document is not a mapping"),
        (MissingTypeInformation, "Document lacks apiVersion or kind"),
        (MissingName, "Document lacks metadata.name"),
        (DuplicateKey, "Mapping repeats a key"),
        (LimitExceeded, "A loader safety limit was exceeded"),
        (EmptyFile, "File holds no documents"),
        (TabIndentation, "Tabs used for indentation"),
        (NotAManifest, "Document is not a Kubernetes object or known configuration file"),
    ];
}
