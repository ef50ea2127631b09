using K8sLandscape.Loading.Trees;
using YamlDotNet.Core;

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
    private bool _holding;
    private List<LoadDiagnostic>? _heldDuplicates;
    private readonly string _text;
    private readonly bool _streamObjects;
    private readonly BodyArena? _arena;

    /// <param name="text">The YAML text.</param>
    /// <param name="path">The file, for diagnostics.</param>
    /// <param name="firstLine">The text's first line in the file.</param>
    /// <param name="options">Limits.</param>
    /// <param name="report">Where diagnostics go.</param>
    /// <param name="streamObjects">
    /// Read object documents straight into their bodies (<see cref="YamlObjectStreamer"/>), kept in
    /// <paramref name="arena"/>; for callers that only hand the roots to <see cref="DocumentInterpreter"/>.
    /// </param>
    /// <param name="arena">Where streamed bodies are kept; null gives each its own array.</param>
    public YamlTreeReader(string text, string path, int firstLine, LoaderOptions options, Action<LoadDiagnostic> report, bool streamObjects = false, BodyArena? arena = null)
    {
        _streamObjects = streamObjects;
        _arena = arena;
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
        if (FlowNestingGuard.TryFindTooDeep(_text, _options.MaxDepth, out var deepLine, out var deepColumn))
        {
            _report(new LoadDiagnostic(Span(deepLine + _lineOffset, deepColumn), LoadDiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error, $"nesting is deeper than {_options.MaxDepth} levels (LoaderOptions.MaxDepth); document skipped"));
            return [];
        }

        // The fast parser reads what is valid; anything it rejects, any limit, and any text with a tab
        // (whose indentation errors YamlDotNet explains) is read again by YamlDotNet, so diagnostics
        // never depend on which parser ran. Both give the same events on valid YAML (bench 'parsers').
        if (_text.Contains('\t', StringComparison.Ordinal)) return ReadWithYamlDotNet();

        if (_streamObjects)
        {
            try
            {
                if (new YamlObjectStreamer(_lineOffset + 1, _options, _arena).TryReadAll(new SharpYamlEventSource(_text)) is { } streamed) return streamed;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The fast parser rejected the text: the tree path would fall back the same way.
                return ReadWithYamlDotNet();
            }
        }

        // Only a repeated key can be reported while the fast parser reads; it is held until the
        // read succeeds, since the fallback reports it again.
        _holding = true;
        try
        {
            var roots = new List<Node>();
            var events = new SharpYamlEventSource(_text);
            while (events.Next() is { Kind: YamlEventKind.DocumentStart })
            {
                if (ReadDocument(events) is { } root) roots.Add(root);
            }

            _holding = false;
            foreach (var d in _heldDuplicates ?? []) _report(d);
            return roots;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            AliasNodes = 0;
        }
        finally
        {
            _holding = false;
            _heldDuplicates = null;
        }

        return ReadWithYamlDotNet();
    }

    private List<Node> ReadWithYamlDotNet()
    {
        var result = new List<Node>();
        YamlDotNetEventSource? events = null;
        try
        {
            events = new YamlDotNetEventSource(_text);
            while (events.Next() is { Kind: YamlEventKind.DocumentStart })
            {
                Node? root;
                try
                {
                    root = ReadDocument(events);
                }
                catch (LimitExceededException ex)
                {
                    _report(new LoadDiagnostic(Span(ex.Line, ex.Column), LoadDiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error, ex.Message));
                    if (!SkipToDocumentEnd(events)) break;
                    continue;
                }

                if (root is not null) result.Add(root);
            }
        }
        catch (YamlException ex)
        {
            ReportSyntax((int)ex.Start.Line, (int)ex.Start.Column, ex.Message);
        }
        catch (TreeException ex)
        {
            ReportSyntax(ex.Line, ex.Column, ex.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // YamlDotNet has thrown other exceptions on malformed input (InvalidOperationException on
            // 'a: [' followed by a new line); any of them means this document cannot be read.
            var at = events?.Parser.Current?.Start;
            var line = at is { } m ? Line(m) : _lineOffset + 1;
            var col = at is { } c ? Col(c) : 1;
            _report(new LoadDiagnostic(Span(line, Math.Max(1, col)), LoadDiagnosticCodes.InvalidSyntax, DiagnosticSeverity.Error, $"invalid YAML: the parser failed after this point ({ex.GetType().Name}: {ex.Message.TrimEnd('.')}); document skipped"));
        }

        return result;
    }

    /// <summary>Reads one document's events, its DocumentEnd included.</summary>
    private Node? ReadDocument(IYamlEventSource events)
    {
        var anchors = new Dictionary<string, Node>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        long expanded = 0;
        Node? root = null;

        while (true)
        {
            var ev = events.Next();
            Node? completed = null;
            switch (ev.Kind)
            {
                case YamlEventKind.DocumentEnd:
                    return root;
                case YamlEventKind.StreamEnd:
                    throw new TreeException("the stream ended inside a document", ev.Line, ev.Column);
                case YamlEventKind.Scalar:
                    completed = MakeScalar(ev);
                    Anchor(anchors, ev.Anchor, completed);
                    expanded++;
                    break;
                case YamlEventKind.Alias:
                    if (!anchors.TryGetValue(ev.Value!, out completed))
                    {
                        throw new TreeException($"alias *{ev.Value} refers to no anchor defined before it", ev.Line, ev.Column);
                    }

                    expanded += completed.ExpandedSize;
                    AliasNodes += completed.ExpandedSize;
                    break;
                case YamlEventKind.MappingStart:
                    Push(stack, new Frame(new MappingNode(ev.Line + _lineOffset, ev.Column), ev.Anchor), ev);
                    expanded++;
                    break;
                case YamlEventKind.SequenceStart:
                    Push(stack, new Frame(new SequenceNode(ev.Line + _lineOffset, ev.Column), ev.Anchor), ev);
                    expanded++;
                    break;
                case YamlEventKind.MappingEnd:
                case YamlEventKind.SequenceEnd:
                    var frame = stack.Pop();
                    frame.ApplyMerges();
                    completed = frame.Node;
                    Anchor(anchors, frame.Anchor, completed);
                    break;
                default:
                    continue;
            }

            if (expanded > _options.MaxNodesPerDocument)
            {
                throw new LimitExceededException(
                    $"document expands to more than {_options.MaxNodesPerDocument:N0} nodes (alias expansion or sheer size; LoaderOptions.MaxNodesPerDocument); skipped",
                    ev.Line + _lineOffset, ev.Column);
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

    private void Push(Stack<Frame> stack, Frame frame, YamlEvent start)
    {
        if (stack.Count >= _options.MaxDepth)
        {
            throw new LimitExceededException($"nesting is deeper than {_options.MaxDepth} levels (LoaderOptions.MaxDepth); document skipped", start.Line + _lineOffset, start.Column);
        }

        stack.Push(frame);
    }

    private static void Anchor(Dictionary<string, Node> anchors, string? anchor, Node node)
    {
        if (!string.IsNullOrEmpty(anchor)) anchors[anchor] = node;
    }

    private ScalarNode MakeScalar(YamlEvent s) =>
        new(s.Value!, YamlScalarResolver.KindOf(s), s.Line + _lineOffset, s.Column);

    private void ReportSyntax(int relativeLine, int column, string message)
    {
        var line = relativeLine + _lineOffset;
        var col = column;
        if (FindTabIndentation(relativeLine, message.Contains(" tab", StringComparison.OrdinalIgnoreCase), out var tabLine, out var tabColumn))
        {
            _report(new LoadDiagnostic(new SourceSpan(_path, tabLine + _lineOffset, tabColumn), LoadDiagnosticCodes.TabIndentation, DiagnosticSeverity.Error, "tab character used for indentation (YAML allows only spaces); document skipped"));
            return;
        }

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

    private static bool SkipToDocumentEnd(YamlDotNetEventSource events)
    {
        // A DocumentEnd event only ever comes at the top level, so no nesting count is needed.
        // The rest of a document skipped for a limit may also be malformed (an unclosed '['
        // nested 100,000 deep): the limit diagnostic already says the document is skipped.
        try
        {
            while (true)
            {
                switch (events.Next().Kind)
                {
                    case YamlEventKind.DocumentEnd: return true;
                    case YamlEventKind.StreamEnd: return false;
                }
            }
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
        var d = new LoadDiagnostic(new SourceSpan(_path, now.KeyLine, now.KeyColumn), LoadDiagnosticCodes.DuplicateKey, DiagnosticSeverity.Warning, $"key '{now.Key}' repeats the key at line {old.KeyLine}; the last value is used");
        if (_holding) (_heldDuplicates ??= []).Add(d);
        else _report(d);
    }

    private sealed class Frame(Node node, string? anchor)
    {
        private ScalarNode? _pendingKey;
        private bool _pendingKeyIsMerge;
        private List<MappingNode>? _merges;

        public Node Node { get; } = node;

        public string? Anchor { get; } = anchor;

        public void Add(Node child, YamlEvent ev, YamlTreeReader reader)
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
                    throw new TreeException("a mapping key must be a scalar (complex keys cannot be represented in JSON)", ev.Line, ev.Column);
                }

                _pendingKey = key;
                _pendingKeyIsMerge = key.Text == "<<" && ev is { Kind: YamlEventKind.Scalar, Plain: true };
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
                        throw new TreeException("the merge key '<<' needs a mapping or a sequence of mappings", ev.Line, ev.Column);
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

    /// <summary>Valid YAML that has no JSON tree (an alias to nothing, a complex key); positions relative to the text.</summary>
    private sealed class TreeException(string message, int line, int column) : Exception(message)
    {
        public int Line { get; } = line;

        public int Column { get; } = column;
    }
}
