using System.Globalization;
using K8sLandscape.Loading.Trees;
using Newtonsoft.Json;

namespace K8sLandscape.Loading.Json;

/// <summary>
/// Builds <see cref="Node"/> trees from JSON with Newtonsoft's <see cref="JsonTextReader"/>, which
/// keeps line numbers. Reads every top-level value (a file may hold several, one after another).
/// </summary>
internal sealed class JsonTreeReader
{
    private readonly string _text;
    private readonly string _path;
    private readonly LoaderOptions _options;
    private readonly Action<LoadDiagnostic> _report;

    public JsonTreeReader(string text, string path, LoaderOptions options, Action<LoadDiagnostic> report)
    {
        _text = text;
        _path = path;
        _options = options;
        _report = report;
    }

    public List<Node> ReadAll()
    {
        var roots = new List<Node>();
        using var reader = new JsonTextReader(new StringReader(_text))
        {
            SupportMultipleContent = true,
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
            MaxDepth = null,
        };

        var stack = new Stack<(Node Node, string? PendingKey, int KeyLine, int KeyColumn)>();
        try
        {
            while (reader.Read())
            {
                var line = reader.LineNumber;
                var col = Math.Max(1, reader.LinePosition);
                Node? completed = null;
                switch (reader.TokenType)
                {
                    case JsonToken.StartObject:
                        Push(stack, new MappingNode(line, col), line, col);
                        continue;
                    case JsonToken.StartArray:
                        Push(stack, new SequenceNode(line, col), line, col);
                        continue;
                    case JsonToken.PropertyName:
                        var top = stack.Pop();
                        stack.Push((top.Node, (string)reader.Value!, line, Math.Max(1, col - ((string)reader.Value!).Length - 2)));
                        continue;
                    case JsonToken.EndObject:
                    case JsonToken.EndArray:
                        completed = stack.Pop().Node;
                        break;
                    default:
                        completed = ScalarOf(reader, line, col);
                        if (completed is null) continue; // comments
                        break;
                }

                if (stack.Count == 0)
                {
                    roots.Add(completed);
                    continue;
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
                        _report(new LoadDiagnostic(new SourceSpan(_path, entry.KeyLine, entry.KeyColumn), LoadDiagnosticCodes.DuplicateKey, DiagnosticSeverity.Warning, $"key '{entry.Key}' repeats the key at line {old.KeyLine}; the last value is used"));
                    }

                    stack.Push((parent.Node, null, 0, 0));
                }

                if (stack.Count > 0 && stack.Peek().Node.ExpandedSize > _options.MaxNodesPerDocument)
                {
                    throw new JsonLimitException($"document has more than {_options.MaxNodesPerDocument:N0} nodes (LoaderOptions.MaxNodesPerDocument); skipped", line, col);
                }
            }
        }
        catch (JsonReaderException ex)
        {
            Salvage(stack, roots);
            _report(new LoadDiagnostic(new SourceSpan(_path, Math.Max(1, ex.LineNumber), Math.Max(1, ex.LinePosition)), LoadDiagnosticCodes.InvalidSyntax, DiagnosticSeverity.Error, $"invalid JSON: {TrimPosition(ex.Message)}; the rest of the file is skipped"));
        }
        catch (JsonLimitException ex)
        {
            _report(new LoadDiagnostic(new SourceSpan(_path, ex.Line, ex.Column), LoadDiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error, ex.Message));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Newtonsoft documents only JsonReaderException, but any exception from it means the
            // same: the rest of this file cannot be read.
            Salvage(stack, roots);
            _report(new LoadDiagnostic(new SourceSpan(_path, Math.Max(1, reader.LineNumber), Math.Max(1, reader.LinePosition)), LoadDiagnosticCodes.InvalidSyntax, DiagnosticSeverity.Error, $"invalid JSON: the parser failed ({ex.GetType().Name}: {TrimPosition(ex.Message)}); the rest of the file is skipped"));
        }

        return roots;
    }

    private static void Salvage(Stack<(Node Node, string? PendingKey, int KeyLine, int KeyColumn)> stack, List<Node> roots)
    {
        // A broken top-level array, or the 'items' of a broken List, still yields the items
        // completed before the error (a truncated 'kubectl get -o json' dump keeps most of its objects).
        var levels = stack.Reverse().ToArray();
        if (levels.Length == 0) return;
        if (levels[0].Node is SequenceNode { Items.Count: > 0 } seq)
        {
            roots.Add(seq);
            return;
        }

        if (levels.Length >= 2 && levels[0] is { Node: MappingNode list, PendingKey: "items" } top && levels[1].Node is SequenceNode { Items.Count: > 0 } items)
        {
            list.Add(new MappingEntry("items", top.KeyLine, top.KeyColumn, items));
            roots.Add(list);
        }
    }

    private void Push(Stack<(Node Node, string? PendingKey, int KeyLine, int KeyColumn)> stack, Node node, int line, int col)
    {
        if (stack.Count >= _options.MaxDepth)
        {
            throw new JsonLimitException($"nesting is deeper than {_options.MaxDepth} levels (LoaderOptions.MaxDepth); skipped", line, col);
        }

        stack.Push((node, null, 0, 0));
    }

    private static string TrimPosition(string message)
    {
        // Newtonsoft appends " Path 'x', line n, position m." which the diagnostic already carries.
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(", line ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    private sealed class JsonLimitException(string message, int line, int column) : Exception(message)
    {
        public int Line { get; } = line;

        public int Column { get; } = column;
    }

    /// <summary>The scalar the reader's current token is, as the YAML reader would build it; null for a token that is not a scalar (a comment).</summary>
    internal static ScalarNode? ScalarOf(JsonReader reader, int line, int col) => reader.TokenType switch
    {
        JsonToken.String => new ScalarNode((string)reader.Value!, ScalarKind.String, line, col),
        JsonToken.Integer => new ScalarNode(Convert.ToString(reader.Value, CultureInfo.InvariantCulture)!, ScalarKind.Integer, line, col),
        JsonToken.Float => new ScalarNode(Convert.ToString(reader.Value, CultureInfo.InvariantCulture)!, ScalarKind.Float, line, col),
        JsonToken.Boolean => new ScalarNode((bool)reader.Value! ? "true" : "false", ScalarKind.Boolean, line, col),
        JsonToken.Null or JsonToken.Undefined => new ScalarNode(string.Empty, ScalarKind.Null, line, col),
        _ => null,
    };
}
