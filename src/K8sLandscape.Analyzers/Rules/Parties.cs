using System.Globalization;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Rules;

/// <summary>
/// Shared wording and ordering for conflict findings: every conflict reports at its first party by
/// location and lists the others, so two runs over the same input print the same thing.
/// </summary>
internal static class Parties
{
    /// <summary>Quotes and joins names: <c>'a', 'b' and 'c'</c>.</summary>
    public static string Names(IEnumerable<string> names)
    {
        var list = names.Select(n => "'" + n + "'").ToArray();
        return list.Length switch
        {
            0 => string.Empty,
            1 => list[0],
            _ => string.Join(", ", list[..^1]) + " and " + list[^1],
        };
    }

    /// <summary>Joins already formatted parts with commas and a final "and".</summary>
    public static string Join(IEnumerable<string> parts)
    {
        var list = parts.ToArray();
        return list.Length switch
        {
            0 => string.Empty,
            1 => list[0],
            _ => string.Join(", ", list[..^1]) + " and " + list[^1],
        };
    }

    /// <summary><c>namespace/name</c>, or the name alone for cluster-scoped objects.</summary>
    public static string Display(KubeObject o) => o.Namespace is null ? o.Name : o.Namespace + "/" + o.Name;

    /// <summary><c>Kind namespace/name</c>.</summary>
    public static string KindAndName(KubeObject o) => o.Kind + " " + Display(o);

    /// <summary>The distinct locations, sorted, without <paramref name="primary"/>.</summary>
    public static IReadOnlyList<SourceSpan> Others(SourceSpan primary, IEnumerable<SourceSpan> all) =>
        all.Where(s => s != primary).Distinct().Order().ToArray();

    /// <summary>Formats a count with invariant culture.</summary>
    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Distinct objects (by reference) in location order.</summary>
    public static KubeObject[] Ordered(IEnumerable<KubeObject> objects) =>
        objects.Distinct(ReferenceEqualityComparer.Instance).Cast<KubeObject>().OrderBy(o => o.Location).ToArray();

    /// <summary>The first document of each API identity, in location order (a duplicated document is one party, not two).</summary>
    public static KubeObject[] DistinctByRef(IEnumerable<KubeObject> objects) =>
        objects.OrderBy(o => o.Location).DistinctBy(o => o.Ref).ToArray();
}
