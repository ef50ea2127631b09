using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace K8sLandscape.Loading;

/// <summary>
/// Labels or annotations of one object, kept as one array of keys and values in document order.
/// A cluster has a few of these per object and 100,000s of objects: a <see cref="Dictionary{TKey,TValue}"/>
/// costs about three times the memory for the handful of entries they hold, and a linear search of
/// a handful of keys is as fast as hashing. Keys are unique (the loader keeps the last of repeats).
/// </summary>
internal sealed class CompactStringMap : IReadOnlyDictionary<string, string>
{
    // Above this many entries, lookups hash: a Helm chart's annotations can be long.
    private const int LinearLimit = 16;

    private readonly string[] _pairs;
    private readonly Dictionary<string, string>? _index;

    public CompactStringMap(string[] pairs)
    {
        _pairs = pairs;
        if (Count > LinearLimit)
        {
            _index = new Dictionary<string, string>(Count, StringComparer.Ordinal);
            for (var i = 0; i < pairs.Length; i += 2) _index[pairs[i]] = pairs[i + 1];
        }
    }

    public int Count => _pairs.Length / 2;

    /// <summary>
    /// A map of <paramref name="entries"/> with their strings shared (<see cref="StringPool"/>); a
    /// repeated key keeps its first position and takes the last value, or keeps the first value when
    /// <paramref name="firstWins"/> (as Kubernetes resolves a repeated env name).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Create(List<KeyValuePair<string, string>> entries, bool firstWins = false)
    {
        if (entries.Count == 0) return KubeObject.EmptyMap;
        var pairs = new string[entries.Count * 2];
        var used = 0;
        Dictionary<string, int>? positions = entries.Count > LinearLimit ? new(StringComparer.Ordinal) : null;
        foreach (var (key, value) in entries)
        {
            var at = -1;
            if (positions is not null)
            {
                at = positions.GetValueOrDefault(key, -1);
            }
            else
            {
                for (var i = 0; i < used; i += 2)
                {
                    if (string.Equals(pairs[i], key, StringComparison.Ordinal))
                    {
                        at = i;
                        break;
                    }
                }
            }

            if (at >= 0)
            {
                if (!firstWins) pairs[at + 1] = StringPool.Share(value);
                continue;
            }

            positions?.Add(key, used);
            pairs[used++] = StringPool.Share(key);
            pairs[used++] = StringPool.Share(value);
        }

        // Repeated keys are rare: only then is the array cut to size.
        return LoadWorker.ShareMap(new CompactStringMap(used == pairs.Length ? pairs : pairs[..used]));
    }

    /// <summary>Compares maps by their entries in order (for sharing them, <see cref="LoadWorker"/>).</summary>
    public static IEqualityComparer<CompactStringMap> ContentComparer { get; } = new EntriesComparer();

    private sealed class EntriesComparer : IEqualityComparer<CompactStringMap>
    {
        public bool Equals(CompactStringMap? x, CompactStringMap? y)
        {
            if (ReferenceEquals(x, y)) return true;
            if (x is null || y is null || x._pairs.Length != y._pairs.Length) return false;
            for (var i = 0; i < x._pairs.Length; i++)
            {
                if (!string.Equals(x._pairs[i], y._pairs[i], StringComparison.Ordinal)) return false;
            }

            return true;
        }

        public int GetHashCode(CompactStringMap map)
        {
            var hash = new HashCode();
            foreach (var s in map._pairs) hash.Add(s, StringComparer.Ordinal);
            return hash.ToHashCode();
        }
    }

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The key '{key}' was not found.");

    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < _pairs.Length; i += 2) yield return _pairs[i];
        }
    }

    public IEnumerable<string> Values
    {
        get
        {
            for (var i = 1; i < _pairs.Length; i += 2) yield return _pairs[i];
        }
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_index is not null) return _index.TryGetValue(key, out value);
        for (var i = 0; i < _pairs.Length; i += 2)
        {
            if (string.Equals(_pairs[i], key, StringComparison.Ordinal))
            {
                value = _pairs[i + 1];
                return true;
            }
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _pairs.Length; i += 2) yield return new KeyValuePair<string, string>(_pairs[i], _pairs[i + 1]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
