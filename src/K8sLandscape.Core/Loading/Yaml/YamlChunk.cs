namespace K8sLandscape.Loading.Yaml;

/// <summary>The raw UTF-8 bytes of one YAML document, cut from a stream at its <c>---</c> markers, or of one item of a List.</summary>
/// <param name="Bytes">The document's bytes, marker line included; an item's with its <c>-</c> turned into a space.</param>
/// <param name="StartLine">The 1-based line of the document's first byte in its file.</param>
/// <param name="HelmSource">The template named by a leading <c># Source:</c> comment, if any.</param>
/// <param name="List">The List this chunk is an item of, or whose end it marks.</param>
/// <param name="EndsList">The List's end: <see cref="YamlListDocument"/> then holds what is needed to decide it.</param>
/// <param name="Skipped">Why the item is not read (past a limit); its bytes are then empty.</param>
internal sealed record YamlChunk(byte[] Bytes, int StartLine, string? HelmSource, YamlListDocument? List = null, bool EndsList = false, LoadDiagnostic? Skipped = null);
