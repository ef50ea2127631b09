using SharpYaml.Events;

namespace K8sLandscape.Loading.Yaml;

/// <summary>
/// Events from SharpYaml's parser: the loader's fast path. It keeps no state shared between
/// threads (YamlDotNet's scanner rents every scalar's builder from one process-wide pool, which
/// two parsing threads contend on), and its marks are 0-based.
/// </summary>
internal sealed class SharpYamlEventSource : IYamlEventSource
{
    private readonly SharpYaml.IParser _parser;

    public SharpYamlEventSource(string text)
    {
        _parser = SharpYaml.Parser.CreateParser(new StringReader(text));
        if (!_parser.MoveNext() || _parser.Current is not StreamStart) throw new InvalidOperationException("the parser did not start a stream");
    }

    public YamlEvent Next()
    {
        while (_parser.MoveNext())
        {
            var e = _parser.Current!;
            var line = e.Start.Line + 1;
            var column = e.Start.Column + 1;
            switch (e)
            {
                case Scalar s:
                    return new YamlEvent(YamlEventKind.Scalar, s.Value, s.Style == SharpYaml.ScalarStyle.Plain, s.IsPlainImplicit, s.Tag, s.Anchor, line, column);
                case AnchorAlias a:
                    return new YamlEvent(YamlEventKind.Alias, a.Value, false, false, null, null, line, column);
                case MappingStart m:
                    return new YamlEvent(YamlEventKind.MappingStart, null, false, false, m.Tag, m.Anchor, line, column);
                case SequenceStart q:
                    return new YamlEvent(YamlEventKind.SequenceStart, null, false, false, q.Tag, q.Anchor, line, column);
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
}
