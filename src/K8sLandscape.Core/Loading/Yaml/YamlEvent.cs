namespace K8sLandscape.Loading.Yaml;

/// <summary>What kind of parsing event a <see cref="YamlEvent"/> is.</summary>
internal enum YamlEventKind
{
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    Scalar,
    Alias,
    MappingStart,
    MappingEnd,
    SequenceStart,
    SequenceEnd,
}

/// <summary>
/// One parser event, the same whichever parser produced it, so the tree is built by one piece of
/// code. <see cref="Line"/> and <see cref="Column"/> are 1-based and relative to the parsed text.
/// </summary>
internal readonly record struct YamlEvent(
    YamlEventKind Kind,
    string? Value,
    bool Plain,
    bool PlainImplicit,
    string? Tag,
    string? Anchor,
    int Line,
    int Column);
