namespace K8sLandscape.TestSupport;

/// <summary>One document of a YAML file as the loader cuts it: its bytes (marker line included) and its first line.</summary>
/// <param name="Bytes">The document's bytes.</param>
/// <param name="FirstLine">The 1-based line the document starts on.</param>
public sealed record ManifestPiece(byte[] Bytes, int FirstLine);
