using System.Text.Json;
using K8sLandscape.Loading.Trees;

namespace K8sLandscape.Loading.Yaml;

/// <summary>
/// Reads object documents straight from parser events into their JSON bodies and line tables,
/// keeping as nodes only what <see cref="DocumentInterpreter"/> reads of an object: the top-level
/// scalars, and the scalars, labels and annotations of <c>metadata</c>. Every other collection is
/// an empty stand-in at its position, and the root carries the body (<see cref="MappingNode.Prewritten"/>).
/// Building and walking the whole tree cost a 100,000-object load about 3 s of CPU.
/// </summary>
/// <remarks>
/// It gives up on the whole text (<see cref="TryReadAll"/> returns null) at anything the tree reader
/// treats specially or reports: an anchor or alias, a merge key, a repeated key, a key that is not a
/// scalar, a depth or size limit, a stream that ends inside a document, or a document that is not an
/// object with a string <c>kind</c> and <c>apiVersion</c>, or is a List. The tree reader then reads
/// the text as before, so what is loaded and every diagnostic stay the same whichever reader ran.
/// </remarks>
internal sealed class YamlObjectStreamer
{
    private enum Role
    {
        Other,
        Root,
        Metadata,
        StringMap,
    }

    /// <summary>One open collection. The slots are reused from document to document.</summary>
    private struct Level
    {
        public bool IsMapping;
        public string? Key;
        public int KeyLine;
        public int KeyColumn;
        public MappingNode? Node;
        public Role Role;
        public List<string>? Keys;
        public HashSet<string>? KeySet;
    }

    // Above this many keys a mapping checks repeats with a set instead of a scan.
    private const int ScanKeysUpTo = 8;

    [ThreadStatic]
    private static Level[]? t_levels;

    private readonly int _lineOffset;
    private readonly LoaderOptions _options;
    private readonly BodyArena? _arena;
    private Level[] _levels;

    /// <param name="firstLine">The text's first line in its file.</param>
    /// <param name="options">The limits, checked as the tree reader checks them.</param>
    /// <param name="arena">Where the bodies go; null gives each its own array.</param>
    public YamlObjectStreamer(int firstLine, LoaderOptions options, BodyArena? arena)
    {
        _lineOffset = firstLine - 1;
        _options = options;
        _arena = arena;
        _levels = t_levels ??= new Level[16];
    }

    /// <summary>Every document of the events, or null when the tree reader must read the text instead.</summary>
    public List<Node>? TryReadAll(IYamlEventSource events)
    {
        var roots = new List<Node>(1);
        while (events.Next() is { Kind: YamlEventKind.DocumentStart })
        {
            if (!TryReadDocument(events, out var root)) return null;
            if (root is not null) roots.Add(root);
        }

        return roots;
    }

    private bool TryReadDocument(IYamlEventSource events, out Node? root)
    {
        root = null;
        var (buffer, lines) = BodyWriter.Rent();
        using var writer = new Utf8JsonWriter(buffer, BodyWriter.WriterOptions);
        MappingNode? rootMap = null;
        var depth = 0;
        long nodes = 0;
        while (true)
        {
            var ev = events.Next();
            switch (ev.Kind)
            {
                case YamlEventKind.DocumentEnd:
                    if (rootMap is null) return true;
                    if (!IsPlainObject(rootMap)) return false;
                    writer.Flush();
                    rootMap.Prewritten = BodyWriter.Keep(buffer, lines, _arena);
                    root = rootMap;
                    return true;
                case YamlEventKind.Scalar:
                case YamlEventKind.MappingStart:
                case YamlEventKind.SequenceStart:
                    if (!string.IsNullOrEmpty(ev.Anchor) || ++nodes > _options.MaxNodesPerDocument) return false;
                    break;
                case YamlEventKind.MappingEnd:
                    writer.WriteEndObject();
                    depth--;
                    continue;
                case YamlEventKind.SequenceEnd:
                    writer.WriteEndArray();
                    depth--;
                    continue;
                default:
                    // An alias, or a stream that ends inside the document.
                    return false;
            }

            var line = ev.Line + _lineOffset;
            if (ev.Kind != YamlEventKind.Scalar && depth >= _options.MaxDepth) return false;
            if (depth == 0)
            {
                if (ev.Kind == YamlEventKind.Scalar)
                {
                    // An empty document (between two '---') or a scalar one: the interpreter decides.
                    root = new ScalarNode(ev.Value!, YamlScalarResolver.KindOf(ev), line, ev.Column);
                    continue;
                }

                if (ev.Kind != YamlEventKind.MappingStart) return false;
                rootMap = new MappingNode(line, ev.Column);
                lines.Add(line);
                writer.WriteStartObject();
                Push(ref depth, isMapping: true, rootMap, Role.Root);
                continue;
            }

            var parent = depth - 1;
            if (_levels[parent].IsMapping && _levels[parent].Key is null)
            {
                // A key: the tree reader would merge, reject or report anything but a new plain key.
                if (ev.Kind != YamlEventKind.Scalar || ev is { Plain: true, Value: "<<" } || !AddKey(ref _levels[parent], ev.Value!)) return false;
                _levels[parent].Key = ev.Value;
                _levels[parent].KeyLine = line;
                _levels[parent].KeyColumn = ev.Column;
                continue;
            }

            var key = _levels[parent].Key;
            var keyLine = _levels[parent].KeyLine;
            var keyColumn = _levels[parent].KeyColumn;
            var keeper = _levels[parent].Node;
            var keeperRole = _levels[parent].Role;
            _levels[parent].Key = null;

            // Lines in pre-order, as BodyWriter records them: a mapping's value at its key, an item at itself.
            lines.Add(key is null ? line : keyLine);
            if (key is not null) writer.WritePropertyName(key);

            if (ev.Kind == YamlEventKind.Scalar)
            {
                var kind = YamlScalarResolver.KindOf(ev);
                BodyWriter.WriteScalar(writer, kind, ev.Value!);
                keeper?.Add(new MappingEntry(key!, keyLine, keyColumn, new ScalarNode(ev.Value!, kind, line, ev.Column)));
                continue;
            }

            var isMapping = ev.Kind == YamlEventKind.MappingStart;
            if (isMapping) writer.WriteStartObject();
            else writer.WriteStartArray();

            // Only the metadata and its label and annotation maps are filled in (a role other than
            // Other needs a kept parent); every other collection stays an empty stand-in.
            var role = RoleOf(keeperRole, key, isMapping);
            MappingNode? kept = null;
            if (keeper is not null)
            {
                Node child = isMapping ? new MappingNode(line, ev.Column) : new SequenceNode(line, ev.Column);
                if (role != Role.Other) kept = (MappingNode)child;
                keeper.Add(new MappingEntry(key!, keyLine, keyColumn, child));
            }

            Push(ref depth, isMapping, kept, role);
        }
    }

    private static Role RoleOf(Role parent, string? key, bool isMapping) => (parent, key, isMapping) switch
    {
        (Role.Root, "metadata", true) => Role.Metadata,
        (Role.Metadata, "labels" or "annotations", true) => Role.StringMap,
        _ => Role.Other,
    };

    private void Push(ref int depth, bool isMapping, MappingNode? node, Role role)
    {
        if (depth == _levels.Length)
        {
            Array.Resize(ref _levels, _levels.Length * 2);
            t_levels = _levels;
        }

        ref var level = ref _levels[depth++];
        level.IsMapping = isMapping;
        level.Key = null;
        level.Node = node;
        level.Role = role;
        level.Keys?.Clear();
        level.KeySet?.Clear();
    }

    /// <summary>Records a mapping's key; false when it repeats one.</summary>
    private static bool AddKey(ref Level level, string key)
    {
        var keys = level.Keys ??= new List<string>(ScanKeysUpTo);
        if (keys.Count < ScanKeysUpTo)
        {
            foreach (var k in keys)
            {
                if (string.Equals(k, key, StringComparison.Ordinal)) return false;
            }

            keys.Add(key);
            return true;
        }

        var set = level.KeySet ??= new HashSet<string>(StringComparer.Ordinal);
        if (set.Count == 0) set.UnionWith(keys);
        return set.Add(key);
    }

    // The interpreter reads an object's top level and metadata only; a List reads its items, and
    // anything without a kind and apiVersion may be classified by other keys, so those go to the tree.
    private static bool IsPlainObject(MappingNode root) =>
        root.Get("kind") is ScalarNode { Kind: ScalarKind.String, Text.Length: > 0 } kind
        && !kind.Text.EndsWith("List", StringComparison.Ordinal)
        && root.Get("apiVersion") is ScalarNode { Kind: ScalarKind.String, Text.Length: > 0 };
}
