using System.Globalization;

namespace K8sLandscape.Bench.Generation;

/// <summary>Deterministic random helpers (System.Random with a seed is stable across runs and platforms).</summary>
internal sealed class Rng(int seed)
{
    private const string Alnum = "bcdfghjklmnpqrstvwxz2456789";
    private const string Hex = "0123456789abcdef";
    private readonly Random _r = new(seed);

    public int Next(int min, int maxInclusive) => _r.Next(min, maxInclusive + 1);

    public bool Chance(double p) => _r.NextDouble() < p;

    public double NextDouble() => _r.NextDouble();

    public T Pick<T>(List<T> items) => items[_r.Next(items.Count)];

    public T Pick<T>(params ReadOnlySpan<T> items) => items[_r.Next(items.Length)];

    public string Suffix(int length)
    {
        Span<char> s = stackalloc char[length];
        for (var i = 0; i < length; i++) s[i] = Alnum[_r.Next(Alnum.Length)];
        return new string(s);
    }

    public string HexString(int length)
    {
        Span<char> s = stackalloc char[length];
        for (var i = 0; i < length; i++) s[i] = Hex[_r.Next(Hex.Length)];
        return new string(s);
    }

    public string Uid() => $"{HexString(8)}-{HexString(4)}-{HexString(4)}-{HexString(4)}-{HexString(12)}";

    public string Base64(int bytes)
    {
        var b = new byte[bytes];
        _r.NextBytes(b);
        return Convert.ToBase64String(b);
    }

    public string Timestamp(DateTime from, int maxDays) =>
        from.AddSeconds(_r.Next(0, maxDays * 86400)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public string Ip(int a, int b) => $"{a}.{b}.{_r.Next(0, 255)}.{_r.Next(1, 254)}";
}
