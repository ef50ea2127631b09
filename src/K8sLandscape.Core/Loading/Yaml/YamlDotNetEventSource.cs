using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace K8sLandscape.Loading.Yaml;

/// <summary>
/// Events from YamlDotNet's parser: the path for a document the fast parser rejects or that holds a
/// tab, so that every syntax diagnostic (its wording, its line, the tab-indentation hint) is the
/// one this parser has always given.
/// </summary>
internal sealed class YamlDotNetEventSource : IYamlEventSource
{
    public YamlDotNetEventSource(string text)
    {
        Parser = new Parser(new StringReader(text));
        if (!Parser.MoveNext() || Parser.Current is not StreamStart) throw new InvalidOperationException("the parser did not start a stream");
    }

    /// <summary>The parser, for the position of the last event when it fails.</summary>
    public Parser Parser { get; }

    public YamlEvent Next()
    {
        while (Parser.MoveNext())
        {
            var e = Parser.Current!;
            var line = (int)e.Start.Line;
            var column = (int)e.Start.Column;
            switch (e)
            {
                case Scalar s:
                    return new YamlEvent(YamlEventKind.Scalar, s.Value, s.Style == ScalarStyle.Plain, s.IsPlainImplicit, Text(s.Tag), Text(s.Anchor), line, column);
                case AnchorAlias a:
                    return new YamlEvent(YamlEventKind.Alias, a.Value.Value, false, false, null, null, line, column);
                case MappingStart m:
                    return new YamlEvent(YamlEventKind.MappingStart, null, false, false, Text(m.Tag), Text(m.Anchor), line, column);
                case SequenceStart q:
                    return new YamlEvent(YamlEventKind.SequenceStart, null, false, false, Text(q.Tag), Text(q.Anchor), line, column);
                case MappingEnd:
                    return new YamlEvent(YamlEventKind.MappingEnd, null, false, false, null, null, line, column);
                case SequenceEnd:
                    return new YamlEvent(YamlEventKind.SequenceEnd, null, false, false, null, null, line, column);
                case DocumentStart:
                    return new YamlEvent(YamlEventKind.DocumentStart, null, false, false, null, null, line, column);
                case DocumentEnd:
                    return new YamlEvent(YamlEventKind.DocumentEnd, null, false, false, null, null, line, column);
                case StreamEnd:
                    return new YamlEvent(YamlEventKind.StreamEnd, null, false, false, null, null, line, column);
            }
        }

        return new YamlEvent(YamlEventKind.StreamEnd, null, false, false, null, null, 0, 0);
    }

    private static string? Text(TagName tag) => tag.IsEmpty ? null : tag.Value;

    private static string? Text(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;
}
