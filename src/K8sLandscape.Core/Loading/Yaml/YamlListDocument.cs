namespace K8sLandscape.Loading.Yaml;

/// <summary>
/// A YAML document whose top-level <c>items</c> is a block sequence, read item by item by
/// <see cref="YamlListCutter"/>. Its own keys (<c>apiVersion</c>, <c>kind</c>, <c>metadata</c>) are
/// kept apart, before and after the items, to decide at its end whether it is a List; a document
/// within the document limit is kept whole too, so that anything else is read exactly as before.
/// </summary>
internal sealed class YamlListDocument(byte[] head, int headLine, int indent, string? helmSource) : StreamedList
{
    /// <summary>The document up to its first item: its marker, leading keys and the <c>items:</c> line.</summary>
    public byte[] Head { get; } = head;

    /// <summary>The line of the document's first byte.</summary>
    public int HeadLine { get; } = headLine;

    /// <summary>The column (0-based) of the items' <c>-</c>.</summary>
    public int Indent { get; } = indent;

    public string? HelmSource { get; } = helmSource;

    /// <summary>The top-level keys after the items, if any and within the document limit.</summary>
    public byte[]? Trailer { get; set; }

    public int TrailerLine { get; set; }

    /// <summary>The keys after the items passed the document limit: no List header to trust.</summary>
    public bool TrailerOversized { get; set; }

    /// <summary>The whole document, while it is within the document limit; null past it.</summary>
    public byte[]? Whole { get; set; }

    /// <summary>
    /// The document may hold an anchor (or a directive) that another item refers to: items cannot be
    /// read apart. Known by bytes, so a '&amp;' in a string may set it too; that only costs the
    /// whole-document path, taken when <see cref="Whole"/> is there.
    /// </summary>
    public bool NeedsWhole { get; set; }

    /// <summary>Reading stopped inside the document (LoaderOptions.MaxFileBytes).</summary>
    public bool Truncated { get; set; }
}
