using K8sLandscape.Loading.Trees;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace K8sLandscape.Loading.Yaml;

/// <summary>
/// Builds <see cref="Node"/> trees from YamlDotNet's low-level event parser, one document at a
/// time, with an explicit stack (no recursion, so no stack overflow on deep input), a depth limit,
/// and an alias-expansion budget against "billion laughs" documents.
/// </summary>
internal sealed class YamlTreeReader
{
    private readonly string _path;
    private readonly int _lineOffset;
    private readonly LoaderOptions _options;
    private readonly Action<LoadDiagnostic> _report;
    private readonly string _text;

    public YamlTreeReader(string text, string path, int firstLine, LoaderOptions options, Action<LoadDiagnostic> report)
    {
        _text = text;
        _path = path;
        _lineOffset = firstLine - 1;
        _options = options;
        _report = report;
    }

    /// <summary>Nodes added by alias expansion in the documents read so far (what the alias budgets count).</summary>
    public long AliasNodes { get; private set; }

    /// <summary>Reads every document in the text; a document that cannot be read is reported and skipped.</summary>
    public List<Node> ReadAll()
    {
        var result = new List<Node>();
        if (FlowNestingGuard.TryFindTooDeep(_text, _options.MaxDepth, out var deepLine, out var deepColumn))
        {
            _report(new LoadDiagnostic(Span(deepLine + _lineOffset, deepColumn), LoadDiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error, $"nesting is deeper than {_options.MaxDepth} levels (LoaderOptions.MaxDepth); document skipped"));
            return result;
        }

        var parser = new Parser(new StringReader(_text));
        try
        {
            parser.Consume<StreamStart>();
            while (!parser.Accept<StreamEnd>(out _))
            {
                parser.Consume<DocumentStart>();
                Node? root;
                try
                {
                    root = ReadDocument(parser);
                }
                catch (LimitExceededException ex)
                {
                    _report(new LoadDiagnostic(Span(ex.Line, ex.Column), LoadDiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error, ex.Message));
                    if (!SkipToDocumentEnd(parser)) break;
                    parser.Consume<DocumentEnd>();
                    continue;
                }

                parser.Consume<DocumentEnd>();
                if (root is not null) result.Add(root);
            }
        }
        catch (YamlException ex)
        {
            ReportSyntax(ex);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // YamlDotNet has thrown other exceptions on malformed input (InvalidOperationException on
            // 'a: [' followed by a new line); any of them means this document cannot be read.
            var at = parser.Current?.Start;
            var line = at is { } m ? Line(m) : _lineOffset + 1;
            var col = at is { } c ? Col(c) : 1;
            _report(new LoadDiagnostic(Span(line, Math.Max(1, col)), LoadDiagnosticCodes.InvalidSyntax, DiagnosticSeverity.Error, $"invalid YAML: the parser failed after this point ({ex.GetType().Name}: {ex.Message.TrimEnd('.')}); document skipped"));
        }

        return result;
    }

    private Node? ReadDocument(Parser parser)
    {
        var anchors = new Dictionary<string, Node>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        long expanded = 0;
        Node? root = null;

        while (true)
        {
            if (parser.Accept<DocumentEnd>(out _)) return root;
            var ev = parser.Consume<ParsingEvent>();
            Node? completed = null;
            switch (ev)
            {
                case Scalar scalar:
                    completed = MakeScalar(scalar);
                    Anchor(anchors, scalar.Anchor, completed);
                    expanded++;
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out completed))
                    {
                        throw new YamlException(alias.Start, alias.End, $"alias *{alias.Value.Value} refers to no anchor defined before it");
                    }

                    expanded += completed.ExpandedSize;
                    AliasNodes += completed.ExpandedSize;
                    break;
                case MappingStart ms:
                    Push(stack, new Frame(new MappingNode(Line(ms.Start), Col(ms.Start)), ms.Anchor), ms.Start);
                    expanded++;
                    break;
                case SequenceStart ss:
                    Push(stack, new Frame(new SequenceNode(Line(ss.Start), Col(ss.Start)), ss.Anchor), ss.Start);
                    expanded++;
                    break;
                case MappingEnd:
                case SequenceEnd:
                    var frame = stack.Pop();
                    frame.ApplyMerges();
                    completed = frame.Node;
                    Anchor(anchors, frame.Anchor, completed);
                    break;
                default:
                    continue; // comments, which the parser does not emit by default
            }

            if (expanded > _options.MaxNodesPerDocument)
            {
                throw new LimitExceededException(
                    $"document expands to more than {_options.MaxNodesPerDocument:N0} nodes (alias expansion or sheer size; LoaderOptions.MaxNodesPerDocument); skipped",
                    Line(ev.Start), Col(ev.Start));
            }

            if (completed is null) continue;
            if (stack.Count == 0)
            {
                root = completed;
                continue;
            }

            stack.Peek().Add(completed, ev, this);
        }
    }

    private void Push(Stack<Frame> stack, Frame frame, Mark start)
    {
        if (stack.Count >= _options.MaxDepth)
        {
            throw new LimitExceededException($"nesting is deeper than {_options.MaxDepth} levels (LoaderOptions.MaxDepth); document skipped", Line(start), Col(start));
        }

        stack.Push(frame);
    }

    private static void Anchor(Dictionary<string, Node> anchors, AnchorName anchor, Node node)
    {
        if (!anchor.IsEmpty) anchors[anchor.Value] = node;
    }

    private ScalarNode MakeScalar(Scalar s)
    {
        ScalarKind kind;
        if (!s.Tag.IsEmpty && s.Tag.Value.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal))
        {
            kind = s.Tag.Value switch
            {
                "tag:yaml.org,2002:str" => ScalarKind.String,
                "tag:yaml.org,2002:int" => YamlScalarResolver.TryParseInteger(s.Value, out _) ? ScalarKind.Integer : ScalarKind.String,
                "tag:yaml.org,2002:float" => YamlScalarResolver.TryParseFloat(s.Value, out _) ? ScalarKind.Float : ScalarKind.String,
                "tag:yaml.org,2002:bool" => ScalarKind.Boolean,
                "tag:yaml.org,2002:null" => ScalarKind.Null,
                _ => ScalarKind.String,
            };
        }
        else
        {
            kind = s.Style == ScalarStyle.Plain && s.IsPlainImplicit ? YamlScalarResolver.Resolve(s.Value) : ScalarKind.String;
        }

        return new ScalarNode(s.Value, kind, Line(s.Start), Col(s.Start));
    }

    private void ReportSyntax(YamlException ex)
    {
        var line = Line(ex.Start);
        var col = Col(ex.Start);
        if (FindTabIndentation((int)ex.Start.Line, ex.Message.Contains(" tab", StringComparison.OrdinalIgnoreCase), out var tabLine, out var tabColumn))
        {
            _report(new LoadDiagnostic(new SourceSpan(_path, tabLine + _lineOffset, tabColumn), LoadDiagnosticCodes.TabIndentation, DiagnosticSeverity.Error, "tab character used for indentation (YAML allows only spaces); document skipped"));
            return;
        }

        var message = ex.Message;
        // YamlDotNet prefixes messages with "(Line: x, Col: y, Idx: z) - (...): " in relative terms; drop it.
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && cut > 0) message = message[(cut + 3)..];
        _report(new LoadDiagnostic(new SourceSpan(_path, line, col), LoadDiagnosticCodes.InvalidSyntax, DiagnosticSeverity.Error, $"invalid YAML: {message.TrimEnd('.')}; document skipped"));
    }

    private bool FindTabIndentation(int relativeLine, bool parserBlamesTab, out int tabLine, out int tabColumn)
    {
        // YamlDotNet marks a tab error at the start of the enclosing mapping or at the scalar before
        // the tab, often lines above it; so look from just before the error onwards. Without a
        // parser complaint about tabs, only a tab right at the error counts, since tabs after the
        // indentation inside block scalars are legal.
        tabLine = 0;
        tabColumn = 0;
        var lines = _text.Split('\n');
        var first = Math.Max(1, relativeLine - 1);
        var last = parserBlamesTab ? lines.Length : Math.Min(lines.Length, relativeLine + 1);
        for (var l = first; l <= last; l++)
        {
            var text = lines[l - 1];
            for (var i = 0; i < text.Length; i++)
            {
                var ch = text[i];
                if (ch == ' ') continue;
                if (ch == '\t' && HasContentAfter(text, i))
                {
                    tabLine = l;
                    tabColumn = i + 1;
                    return true;
                }

                break;
            }
        }

        return false;
    }

    private static bool HasContentAfter(string line, int index)
    {
        for (var i = index; i < line.Length; i++)
        {
            if (line[i] is not (' ' or '\t' or '\r')) return true;
        }

        return false;
    }

    private static bool SkipToDocumentEnd(Parser parser)
    {
        // A DocumentEnd event only ever comes at the top level, so no nesting count is needed.
        // The rest of a document skipped for a limit may also be malformed (an unclosed '['
        // nested 100,000 deep): the limit diagnostic already says the document is skipped.
        try
        {
            while (!parser.Accept<DocumentEnd>(out _))
            {
                if (!parser.MoveNext()) return false;
            }

            return true;
        }
        catch (YamlException)
        {
            return false;
        }
    }

    private int Line(Mark m) => (int)m.Line + _lineOffset;

    private static int Col(Mark m) => (int)m.Column;

    private SourceSpan Span(int line, int column) => new(_path, line, column);

    private void ReportDuplicate(MappingEntry old, MappingEntry now)
    {
        _report(new LoadDiagnostic(new SourceSpan(_path, now.KeyLine, now.KeyColumn), LoadDiagnosticCodes.DuplicateKey, DiagnosticSeverity.Warning, $"key '{now.Key}' repeats the key at line {old.KeyLine}; the last value is used"));
    }

    private sealed class Frame(Node node, AnchorName anchor)
    {
        private ScalarNode? _pendingKey;
        private bool _pendingKeyIsMerge;
        private List<MappingNode>? _merges;

        public Node Node { get; } = node;

        public AnchorName Anchor { get; } = anchor;

        public void Add(Node child, ParsingEvent ev, YamlTreeReader reader)
        {
            if (Node is SequenceNode seq)
            {
                seq.Add(child);
                return;
            }

            var map = (MappingNode)Node;
            if (_pendingKey is null)
            {
                if (child is not ScalarNode key)
                {
                    throw new YamlException(ev.Start, ev.End, "a mapping key must be a scalar (complex keys cannot be represented in JSON)");
                }

                _pendingKey = key;
                _pendingKeyIsMerge = key.Text == "<<" && ev is Scalar { Style: ScalarStyle.Plain };
                return;
            }

            var k = _pendingKey;
            _pendingKey = null;
            if (_pendingKeyIsMerge)
            {
                _merges ??= [];
                switch (child)
                {
                    case MappingNode m:
                        _merges.Add(m);
                        return;
                    case SequenceNode s when s.Items.All(i => i is MappingNode):
                        _merges.AddRange(s.Items.Cast<MappingNode>());
                        return;
                    default:
                        throw new YamlException(ev.Start, ev.End, "the merge key '<<' needs a mapping or a sequence of mappings");
                }
            }

            var entry = new MappingEntry(k.Text, k.Line, k.Column, child);
            if (map.Add(entry) is { } old) reader.ReportDuplicate(old, entry);
        }

        public void ApplyMerges()
        {
            if (_merges is null || Node is not MappingNode map) return;
            foreach (var source in _merges)
            {
                foreach (var e in source.Entries) map.AddIfAbsent(e);
            }
        }
    }

    private sealed class LimitExceededException(string message, int line, int column) : Exception(message)
    {
        public int Line { get; } = line;

        public int Column { get; } = column;
    }
}
