using System.Globalization;
using K8sLandscape.Loading.Trees;
using Newtonsoft.Json;

namespace K8sLandscape.Loading.Json;

/// <summary>
/// Reads a JSON <c>List</c> too large to be one document item by item from a stream, so that a
/// <c>kubectl get -A -o json</c> dump of any size loads without its text being held whole. Each
/// item is built into its own tree (same nodes, lines and columns as <see cref="JsonTreeReader"/>)
/// under its own document limits. <c>kind</c> may follow <c>items</c> (kubectl writes it after),
/// so whether the file was a List is known only at its end: see <see cref="IsList"/>.
/// </summary>
internal sealed class JsonListStreamer : IDisposable
{
    private readonly JsonTextReader _reader;
    private readonly string _path;
    private readonly LoaderOptions _options;
    private Phase _phase = Phase.Start;
    private bool _broken;
    private bool _sawItems;
    private bool _notAList;
    private bool _rootArray;
    private int _objectItems;

    public JsonListStreamer(TextReader text, string path, LoaderOptions options)
    {
        _reader = new JsonTextReader(text)
        {
            SupportMultipleContent = true,
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
            MaxDepth = null,
        };
        _path = path;
        _options = options;
    }

    private enum Phase
    {
        Start,
        InRoot,
        InItems,
        Done,
    }

    /// <summary>The top-level <c>kind</c>, once read.</summary>
    public string? Kind { get; private set; }

    /// <summary>
    /// Whether the items read belong to a List: the root is an object whose <c>items</c> is an
    /// array and whose <c>kind</c> ends in <c>List</c>. A file cut short before its <c>kind</c> counts
    /// as a List, so a truncated dump keeps the items read before the cut. A top-level array counts
    /// when at least one of its items is an object with a <c>kind</c>.
    /// </summary>
    public bool IsList => _rootArray ? _objectItems > 0 : _sawItems && !_notAList && (Kind?.EndsWith("List", StringComparison.Ordinal) ?? _broken);

    /// <summary>What the items are items of, for diagnostics: a top-level array is read like a List's items.</summary>
    public string ItemsOf => _rootArray ? "the array" : "the List";

    /// <summary>Reads up to the next item (or to the end) and adds it, and its diagnostics, to <paramref name="events"/> as <see cref="Node"/>s and <see cref="LoadDiagnostic"/>s in input order. False once the end is reached.</summary>
    public bool Next(List<object> events)
    {
        if (_phase == Phase.Done) return false;
        try
        {
            while (true)
            {
                switch (_phase)
                {
                    case Phase.Start:
                        if (!_reader.Read() || _reader.TokenType is not (JsonToken.StartObject or JsonToken.StartArray)) return Stop(notAList: true);
                        _rootArray = _reader.TokenType == JsonToken.StartArray;
                        _sawItems = _rootArray;
                        _phase = _rootArray ? Phase.InItems : Phase.InRoot;
                        continue;
                    case Phase.InRoot:
                        if (!_reader.Read()) throw new JsonReaderException("Unexpected end of content while reading the List", _path, _reader.LineNumber, _reader.LinePosition, null);
                        if (_reader.TokenType == JsonToken.EndObject)
                        {
                            if (Kind is null) _notAList = true;
                            if (_reader.Read())
                            {
                                events.Add(Diagnostic(_reader.LineNumber, _reader.LinePosition, LoadDiagnosticCodes.InvalidSyntax, "invalid JSON: more content follows the List; it is skipped"));
                            }

                            return Stop(notAList: _notAList);
                        }

                        if (_reader.TokenType != JsonToken.PropertyName) continue; // comments
                        var name = (string)_reader.Value!;
                        ReadPastComments();
                        if (name == "items" && _reader.TokenType == JsonToken.StartArray)
                        {
                            _sawItems = true;
                            _phase = Phase.InItems;
                            continue;
                        }

                        // The List's own fields are small; one past a limit means this is no List to stream.
                        var header = new List<object>();
                        var value = ReadValue(header);
                        if (value is null) return Stop(notAList: true);
                        if (name == "kind") Kind = value is ScalarNode { Kind: ScalarKind.String } k ? k.Text : string.Empty;
                        if (name == "items") _notAList = true;
                        continue;
                    case Phase.InItems:
                        ReadPastComments();
                        if (_reader.TokenType == JsonToken.EndArray)
                        {
                            if (!_rootArray)
                            {
                                _phase = Phase.InRoot;
                                continue;
                            }

                            if (_reader.Read())
                            {
                                events.Add(Diagnostic(_reader.LineNumber, _reader.LinePosition, LoadDiagnosticCodes.InvalidSyntax, "invalid JSON: more content follows the array; it is skipped"));
                            }

                            return Stop(notAList: false);
                        }

                        if (ReadValue(events) is { } item)
                        {
                            if (item is MappingNode m && m.Get("kind") is not null) _objectItems++;
                            events.Add(item);
                        }

                        return true;
                }

                return false;
            }
        }
        catch (JsonReaderException ex)
        {
            events.Add(Diagnostic(ex.LineNumber, ex.LinePosition, LoadDiagnosticCodes.InvalidSyntax, $"invalid JSON: {TrimPosition(ex.Message)}; the rest of the file is skipped"));
            return Broken();
        }
        catch (FileLimitException ex)
        {
            events.Add(Diagnostic(_reader.LineNumber, _reader.LinePosition, LoadDiagnosticCodes.LimitExceeded, ex.Message));
            return Broken();
        }
        catch (IOException ex)
        {
            events.Add(new LoadDiagnostic(new SourceSpan(_path, 0, 0), LoadDiagnosticCodes.UnreadableSource, DiagnosticSeverity.Error, $"cannot read file: {ex.Message}"));
            return Broken();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            events.Add(Diagnostic(_reader.LineNumber, _reader.LinePosition, LoadDiagnosticCodes.InvalidSyntax, $"invalid JSON: the parser failed ({ex.GetType().Name}: {TrimPosition(ex.Message)}); the rest of the file is skipped"));
            return Broken();
        }
    }

    public void Dispose() => ((IDisposable)_reader).Dispose();

    private bool Stop(bool notAList)
    {
        _notAList |= notAList;
        _phase = Phase.Done;
        return false;
    }

    private bool Broken()
    {
        _broken = true;
        _phase = Phase.Done;
        return true;
    }

    private void ReadPastComments()
    {
        do
        {
            if (!_reader.Read()) throw new JsonReaderException("Unexpected end of content while reading the List", _path, _reader.LineNumber, _reader.LinePosition, null);
        }
        while (_reader.TokenType == JsonToken.Comment);
    }

    /// <summary>
    /// Builds the value whose first token is current, as <see cref="JsonTreeReader"/> would as a
    /// whole document. Past a limit it reports where, skips the rest of the value and returns null.
    /// </summary>
    private Node? ReadValue(List<object> events)
    {
        var startDepth = _reader.Depth;
        var stack = new Stack<(Node Node, string? PendingKey, int KeyLine, int KeyColumn)>();
        long nodes = 0;

        // The compact JSON size of the value (whitespace aside) stands for its text size: the
        // reader does not tell byte offsets, and the limit is about what a body would cost.
        long bytes = 0;
        var startLine = _reader.LineNumber;
        var startColumn = Math.Max(1, _reader.LinePosition);
        while (true)
        {
            var line = _reader.LineNumber;
            var col = Math.Max(1, _reader.LinePosition);
            Node? completed = null;
            string? limit = null;
            switch (_reader.TokenType)
            {
                case JsonToken.StartObject:
                case JsonToken.StartArray:
                    if (stack.Count >= _options.MaxDepth)
                    {
                        limit = $"nesting is deeper than {_options.MaxDepth} levels (LoaderOptions.MaxDepth); skipped";
                        break;
                    }

                    stack.Push((_reader.TokenType == JsonToken.StartObject ? new MappingNode(line, col) : new SequenceNode(line, col), null, 0, 0));
                    bytes += 2;
                    nodes++;
                    break;
                case JsonToken.PropertyName:
                    var key = (string)_reader.Value!;
                    var top = stack.Pop();
                    stack.Push((top.Node, key, line, Math.Max(1, col - key.Length - 2)));
                    bytes += key.Length + 4;
                    break;
                case JsonToken.EndObject:
                case JsonToken.EndArray:
                    completed = stack.Pop().Node;
                    break;
                default:
                    completed = JsonTreeReader.ScalarOf(_reader, line, col);
                    break;
            }

            if (completed is ScalarNode s)
            {
                nodes++;
                bytes += s.Text.Length + (s.Kind == ScalarKind.String ? 3 : 1);
            }

            if (limit is null && completed is not null)
            {
                if (stack.Count == 0 && nodes <= _options.MaxNodesPerDocument)
                {
                    return bytes > _options.MaxDocumentBytes ? TooLarge(events, startLine, startColumn) : completed;
                }

                if (stack.Count == 0)
                {
                    events.Add(Diagnostic(line, col, LoadDiagnosticCodes.LimitExceeded, $"document has more than {_options.MaxNodesPerDocument:N0} nodes (LoaderOptions.MaxNodesPerDocument); skipped"));
                    return null;
                }

                var parent = stack.Pop();
                if (parent.Node is SequenceNode seq)
                {
                    seq.Add(completed);
                    stack.Push(parent);
                }
                else
                {
                    var entry = new MappingEntry(parent.PendingKey!, parent.KeyLine, parent.KeyColumn, completed);
                    if (((MappingNode)parent.Node).Add(entry) is { } old)
                    {
                        events.Add(Diagnostic(entry.KeyLine, entry.KeyColumn, LoadDiagnosticCodes.DuplicateKey, $"key '{entry.Key}' repeats the key at line {old.KeyLine}; the last value is used", DiagnosticSeverity.Warning));
                    }

                    stack.Push((parent.Node, null, 0, 0));
                }
            }

            if (limit is null && nodes > _options.MaxNodesPerDocument)
            {
                limit = $"document has more than {_options.MaxNodesPerDocument:N0} nodes (LoaderOptions.MaxNodesPerDocument); skipped";
            }

            if (limit is null && bytes > _options.MaxDocumentBytes)
            {
                SkipRest(startDepth);
                return TooLarge(events, startLine, startColumn);
            }

            if (limit is not null)
            {
                events.Add(Diagnostic(line, col, LoadDiagnosticCodes.LimitExceeded, limit));
                SkipRest(startDepth);
                return null;
            }

            ReadPastCommentsInValue();
        }
    }

    private void ReadPastCommentsInValue()
    {
        do
        {
            if (!_reader.Read()) throw new JsonReaderException("Unexpected end of content while reading a List item", _path, _reader.LineNumber, _reader.LinePosition, null);
        }
        while (_reader.TokenType == JsonToken.Comment);
    }

    private Node? TooLarge(List<object> events, int line, int column)
    {
        events.Add(Diagnostic(line, column, LoadDiagnosticCodes.LimitExceeded, $"{(_rootArray ? "array item" : "List item")} is larger than the {_options.MaxDocumentBytes:N0}-byte document limit (LoaderOptions.MaxDocumentBytes); skipped"));
        return null;
    }

    private void SkipRest(int startDepth)
    {
        // Up to the end of the value that started at startDepth; a scalar value is already whole.
        if (_reader.Depth == startDepth && _reader.TokenType is not (JsonToken.StartObject or JsonToken.StartArray)) return;
        if (_reader.TokenType is JsonToken.StartObject or JsonToken.StartArray) _reader.Skip();
        while (!(_reader.Depth == startDepth && _reader.TokenType is JsonToken.EndObject or JsonToken.EndArray))
        {
            ReadPastCommentsInValue();
        }
    }

    private LoadDiagnostic Diagnostic(int line, int column, string code, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        new(new SourceSpan(_path, Math.Max(1, line), Math.Max(1, column)), code, severity, message);

    private static string TrimPosition(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(", line ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
