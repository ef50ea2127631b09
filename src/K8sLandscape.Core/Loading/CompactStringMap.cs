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
