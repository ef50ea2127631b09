using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers.Reporting;

/// <summary>
/// Finds the object a location belongs to, so a related location (a bare span) can be named and
/// fingerprinted by its object rather than its line. One dictionary per path of sorted start lines:
/// each lookup is a binary search.
/// </summary>
internal sealed class SubjectLocator
{
    private readonly Dictionary<string, (int[] Lines, KubeObject[] Objects)> _byPath;

    public SubjectLocator(Landscape landscape)
    {
        _byPath = landscape.Objects.All
            .Where(o => o.Location.IsKnown)
            .GroupBy(o => o.Location.Path, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g =>
                {
                    // A file's objects are loaded in order, so the sort is nearly always skipped.
                    var inFile = g.ToArray();
                    var sorted = InOrder(inFile) ? inFile : inFile.OrderBy(o => o.Location.Line).ThenBy(o => o.Location.Column).ToArray();
                    return (sorted.Select(o => o.Location.Line).ToArray(), sorted);
                },
                StringComparer.Ordinal);
    }

    private static bool InOrder(KubeObject[] objects)
    {
        for (var i = 1; i < objects.Length; i++)
        {
            var (a, b) = (objects[i - 1].Location, objects[i].Location);
            if (a.Line > b.Line || (a.Line == b.Line && a.Column > b.Column)) return false;
        }

        return true;
    }

    public ObjectRef? Find(SourceSpan span)
    {
        if (!span.IsKnown || !_byPath.TryGetValue(span.Path, out var entry)) return null;
        var (lines, objects) = entry;

        // The last document starting at or before the span: a field's line falls in its object.
        int lo = 0, hi = lines.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (lines[mid] < span.Line || (lines[mid] == span.Line && objects[mid].Location.Column <= Math.Max(span.Column, 1))) lo = mid + 1;
            else hi = mid;
        }

        var i = lo - 1;
        return i >= 0 ? objects[i].Ref : null;
    }
}
