using System.Text.Json;

namespace K8sLandscape.Loading;

/// <summary>
/// Field paths such as <c>spec.names.shortNames</c>, <c>webhooks[1].rules[0]</c> or
/// <c>metadata.annotations[storageclass.kubernetes.io/is-default-class]</c>: dots separate property
/// names, a number in brackets indexes an array, anything else in brackets is a property name that
/// may itself contain dots.
/// </summary>
internal static class FieldPath
{
    internal readonly record struct Segment(string? Name, int Index);

    internal static List<Segment> Parse(string path)
    {
        var segments = new List<Segment>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
                continue;
            }

            if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                if (end < 0) end = path.Length;
                var inner = path[(i + 1)..end];
                segments.Add(int.TryParse(inner, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                    ? new Segment(null, n)
                    : new Segment(inner.Trim('"', '\''), -1));
                i = end + 1;
                continue;
            }

            var stop = i;
            while (stop < path.Length && path[stop] != '.' && path[stop] != '[') stop++;
            segments.Add(new Segment(path[i..stop], -1));
            i = stop;
        }

        return segments;
    }

    /// <summary>The element at the path, or null.</summary>
    internal static JsonElement? Find(JsonElement root, string path)
    {
        var current = root;
        foreach (var s in Parse(path))
        {
            if (s.Name is not null)
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(s.Name, out current)) return null;
            }
            else
            {
                if (current.ValueKind != JsonValueKind.Array || s.Index >= current.GetArrayLength()) return null;
                current = current[s.Index];
            }
        }

        return current;
    }

    /// <summary>
    /// The pre-order index of the deepest node on the path that exists (0 is the root). The loader
    /// records one line per node in the same order, so this index finds a field's line.
    /// </summary>
    internal static int IndexOf(JsonElement root, string path)
    {
        var index = 0;
        var current = root;
        foreach (var s in Parse(path))
        {
            var next = index + 1;
            var found = false;
            if (s.Name is not null && current.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in current.EnumerateObject())
                {
                    if (p.NameEquals(s.Name))
                    {
                        current = p.Value;
                        found = true;
                        break;
                    }

                    next += Size(p.Value);
                }
            }
            else if (s.Name is null && current.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in current.EnumerateArray())
                {
                    if (i++ == s.Index)
                    {
                        current = item;
                        found = true;
                        break;
                    }

                    next += Size(item);
                }
            }

            if (!found) return index;
            index = next;
        }

        return index;
    }

    internal static int Size(JsonElement e)
    {
        var n = 1;
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) n += Size(p.Value);
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray()) n += Size(item);
                break;
        }

        return n;
    }
}
