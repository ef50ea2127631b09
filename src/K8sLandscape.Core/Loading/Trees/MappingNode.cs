namespace K8sLandscape.Loading.Trees;

internal sealed class MappingNode(int line, int column) : Node(line, column)
{
    private long _size = 1;
    private Dictionary<string, int>? _index;

    public List<MappingEntry> Entries { get; } = [];

    /// <summary>
    /// The body and line table of a document read straight from parser events; this node is then
    /// only its skeleton (see <see cref="Yaml.YamlObjectStreamer"/>) and must not be written again.
    /// </summary>
    public (ReadOnlyMemory<byte> Json, LineTable Lines)? Prewritten { get; set; }

    public override long ExpandedSize => _size;

    /// <summary>
    /// Adds an entry. A repeated key keeps its first position and takes the last value (the API
    /// server's JSON decoding does the same); the earlier entry is returned so the caller can report it.
    /// </summary>
    public MappingEntry? Add(MappingEntry entry)
    {
        var existing = IndexOf(entry.Key);
        if (existing >= 0)
        {
            var old = Entries[existing];
            Entries[existing] = entry;
            _size += entry.Value.ExpandedSize - old.Value.ExpandedSize;
            return old;
        }

        _index?.Add(entry.Key, Entries.Count);
        Entries.Add(entry);
        _size += entry.Value.ExpandedSize;
        if (_index is null && Entries.Count > 8)
        {
            _index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < Entries.Count; i++) _index[Entries[i].Key] = i;
        }

        return null;
    }

    /// <summary>Adds an entry only when the key is absent (YAML merge keys: explicit keys win).</summary>
    public void AddIfAbsent(MappingEntry entry)
    {
        if (IndexOf(entry.Key) < 0) Add(entry);
    }

    public int IndexOf(string key)
    {
        if (_index is not null) return _index.TryGetValue(key, out var i) ? i : -1;
        for (var i = 0; i < Entries.Count; i++)
        {
            if (string.Equals(Entries[i].Key, key, StringComparison.Ordinal)) return i;
        }

        return -1;
    }

    public Node? Get(string key)
    {
        var i = IndexOf(key);
        return i < 0 ? null : Entries[i].Value;
    }

    public string? GetString(string key) =>
        Get(key) is ScalarNode { Kind: ScalarKind.String } s ? s.Text : null;
}
