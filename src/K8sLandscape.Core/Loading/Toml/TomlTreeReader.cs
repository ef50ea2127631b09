using System.Globalization;
using K8sLandscape.Loading.Trees;
using Tomlyn;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace K8sLandscape.Loading.Toml;

/// <summary>
/// Reads container runtime configuration (containerd <c>config.toml</c>, CRI-O <c>crio.conf</c>) with
/// Tomlyn's syntax parser, which keeps positions, into a <see cref="Node"/> tree: tables become
/// mappings, arrays of tables become sequences, every key keeps its line.
/// </summary>
internal static class TomlTreeReader
{
    public static MappingNode? Read(string text, string path, LoaderOptions options, Action<LoadDiagnostic> report)
    {
        DocumentSyntax doc;
        try
        {
            // Tomlyn's own nesting limit (64 by default) throws; ours is the one users configure.
            doc = SyntaxParser.Parse(text, new TomlSerializerOptions { MaxDepth = Math.Min(options.MaxDepth, KubeJson.MaxDepth) }, path);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Any exception from the parser means this file cannot be read; it must not end the load.
            var (line, column) = ex is TomlException t ? (Math.Max(1, t.Line ?? 1), Math.Max(1, t.Column ?? 1)) : (1, 1);
            var (code, message) = ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                ? (LoadDiagnosticCodes.LimitExceeded, $"nesting is deeper than {options.MaxDepth} levels (LoaderOptions.MaxDepth); file skipped")
                : (LoadDiagnosticCodes.InvalidSyntax, $"invalid TOML: the parser failed ({ex.GetType().Name}: {ex.Message.TrimEnd('.')}); file skipped");
            report(new LoadDiagnostic(new SourceSpan(path, line, column), code, DiagnosticSeverity.Error, message));
            return null;
        }

        if (doc.HasErrors)
        {
            foreach (var d in doc.Diagnostics)
            {
                if (d.Kind != DiagnosticMessageKind.Error) continue;
                report(new LoadDiagnostic(new SourceSpan(path, d.Span.Start.Line + 1, d.Span.Start.Column + 1), LoadDiagnosticCodes.InvalidSyntax, DiagnosticSeverity.Error, $"invalid TOML: {d.Message}; file skipped"));
                break; // the first error explains the rest
            }

            return null;
        }

        var root = new MappingNode(1, 1);
        foreach (var kv in doc.KeyValues) AddKeyValue(root, kv, path, report);
        foreach (var table in doc.Tables)
        {
            var (line, col) = Position(table);
            var keys = KeyParts(table.Name);
            if (keys.Count == 0) continue;
            var parent = Descend(root, keys, keys.Count - 1, line, col);
            var last = keys[^1];
            MappingNode target;
            if (table is TableArraySyntax)
            {
                if (parent.Get(last) is not SequenceNode seq)
                {
                    seq = new SequenceNode(line, col);
                    parent.Add(new MappingEntry(last, line, col, seq));
                }

                target = new MappingNode(line, col);
                seq.Add(target);
            }
            else
            {
                if (parent.Get(last) is MappingNode existing)
                {
                    target = existing;
                }
                else
                {
                    target = new MappingNode(line, col);
                    parent.Add(new MappingEntry(last, line, col, target));
                }
            }

            if (table.Items is { } items)
            {
                foreach (var kv in items) AddKeyValue(target, kv, path, report);
            }
        }

        return WithinLimits(root, path, options, report) ? root : null;
    }

    private static bool WithinLimits(MappingNode root, string path, LoaderOptions options, Action<LoadDiagnostic> report)
    {
        // Dotted keys and table headers ('[a.b.c...]') nest without brackets, so Tomlyn's limit
        // does not see them; the tree is measured instead (without recursion).
        var limit = Math.Min(options.MaxDepth, KubeJson.MaxDepth);
        var stack = new Stack<(Node Node, int Depth)>();
        stack.Push((root, 1));
        long nodes = 0;
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (++nodes > options.MaxNodesPerDocument)
            {
                report(new LoadDiagnostic(new SourceSpan(path, node.Line, node.Column), LoadDiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error, $"file has more than {options.MaxNodesPerDocument:N0} nodes (LoaderOptions.MaxNodesPerDocument); skipped"));
                return false;
            }

            if (node is ScalarNode) continue;
            if (depth > limit)
            {
                report(new LoadDiagnostic(new SourceSpan(path, node.Line, node.Column), LoadDiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error, $"nesting is deeper than {options.MaxDepth} levels (LoaderOptions.MaxDepth), counting dotted keys and table headers; file skipped"));
                return false;
            }

            if (node is MappingNode m)
            {
                foreach (var e in m.Entries) stack.Push((e.Value, depth + 1));
            }
            else if (node is SequenceNode s)
            {
                foreach (var i in s.Items) stack.Push((i, depth + 1));
            }
        }

        return true;
    }

    private static void AddKeyValue(MappingNode into, KeyValueSyntax kv, string path, Action<LoadDiagnostic> report)
    {
        if (kv.Key is null || kv.Value is null) return;
        var (line, col) = Position(kv);
        var keys = KeyParts(kv.Key);
        if (keys.Count == 0) return;
        var parent = Descend(into, keys, keys.Count - 1, line, col);
        var entry = new MappingEntry(keys[^1], line, col, Value(kv.Value, line, col));
        if (parent.Add(entry) is { } old)
        {
            report(new LoadDiagnostic(new SourceSpan(path, line, col), LoadDiagnosticCodes.DuplicateKey, DiagnosticSeverity.Warning, $"key '{entry.Key}' repeats the key at line {old.KeyLine}; the last value is used"));
        }
    }

    private static MappingNode Descend(MappingNode from, List<string> keys, int count, int line, int col)
    {
        var current = from;
        for (var i = 0; i < count; i++)
        {
            switch (current.Get(keys[i]))
            {
                case MappingNode m:
                    current = m;
                    break;
                case SequenceNode { Items.Count: > 0 } s when s.Items[^1] is MappingNode lastTable:
                    current = lastTable; // [[a]] then [a.b] extends the last table of the array
                    break;
                default:
                    var created = new MappingNode(line, col);
                    current.Add(new MappingEntry(keys[i], line, col, created));
                    current = created;
                    break;
            }
        }

        return current;
    }

    private static Node Value(ValueSyntax value, int line, int col)
    {
        switch (value)
        {
            case StringValueSyntax s:
                return new ScalarNode(s.Value ?? string.Empty, ScalarKind.String, line, col);
            case IntegerValueSyntax i:
                return new ScalarNode(i.Value.ToString(CultureInfo.InvariantCulture), ScalarKind.Integer, line, col);
            case FloatValueSyntax f:
                return new ScalarNode(f.Value.ToString("R", CultureInfo.InvariantCulture), ScalarKind.Float, line, col);
            case BooleanValueSyntax b:
                return new ScalarNode(b.Value ? "true" : "false", ScalarKind.Boolean, line, col);
            case ArraySyntax a:
                var seq = new SequenceNode(line, col);
                foreach (var item in a.Items)
                {
                    if (item.Value is { } v)
                    {
                        var (l, c) = Position(item);
                        seq.Add(Value(v, l, c));
                    }
                }

                return seq;
            case InlineTableSyntax t:
                var map = new MappingNode(line, col);
                foreach (var item in t.Items)
                {
                    if (item.KeyValue is { Key: not null, Value: not null } kv)
                    {
                        var keys = KeyParts(kv.Key);
                        if (keys.Count == 0) continue;
                        var parent = Descend(map, keys, keys.Count - 1, line, col);
                        parent.Add(new MappingEntry(keys[^1], line, col, Value(kv.Value, line, col)));
                    }
                }

                return map;
            default:
                // Dates and times: kept as written.
                return new ScalarNode(value.ToString()?.Trim() ?? string.Empty, ScalarKind.String, line, col);
        }
    }

    private static List<string> KeyParts(KeySyntax? key)
    {
        var parts = new List<string>();
        if (key?.Key is { } first) parts.Add(KeyText(first));
        if (key?.DotKeys is { } dots)
        {
            foreach (var d in dots)
            {
                if (d.Key is { } k) parts.Add(KeyText(k));
            }
        }

        return parts;
    }

    private static string KeyText(BareKeyOrStringValueSyntax k) => k switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? string.Empty,
        StringValueSyntax s => s.Value ?? string.Empty,
        _ => k.ToString()?.Trim() ?? string.Empty,
    };

    private static (int Line, int Column) Position(SyntaxNode node) => (node.Span.Start.Line + 1, node.Span.Start.Column + 1);
}
