namespace K8sLandscape.Loading.Yaml;

/// <summary>The raw UTF-8 bytes of one YAML document, cut from a stream at its <c>---</c> markers.</summary>
/// <param name="Bytes">The document's bytes, marker line included.</param>
/// <param name="StartLine">The 1-based line of the document's first byte in its file.</param>
/// <param name="HelmSource">The template named by a leading <c># Source:</c> comment, if any.</param>
internal sealed record YamlChunk(byte[] Bytes, int StartLine, string? HelmSource);
