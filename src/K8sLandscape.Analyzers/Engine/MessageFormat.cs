namespace K8sLandscape.Analyzers;

/// <summary>Reads the <c>{0}</c>..<c>{n}</c> placeholders of a composite format string.</summary>
internal static class MessageFormat
{
    /// <summary>
    /// The distinct placeholder indexes in ascending order, or null when the text is not a valid
    /// composite format (an unmatched brace, a placeholder without a number).
    /// </summary>
    public static IReadOnlyList<int>? Placeholders(string format)
    {
        var found = new SortedSet<int>();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c == '}')
            {
                if (i + 1 < format.Length && format[i + 1] == '}') { i++; continue; }
                return null;
            }

            if (c != '{') continue;
            if (i + 1 < format.Length && format[i + 1] == '{') { i++; continue; }
            var start = ++i;
            while (i < format.Length && char.IsAsciiDigit(format[i])) i++;
            if (i == start || i - start > 3) return null;
            var index = int.Parse(format.AsSpan(start, i - start), System.Globalization.CultureInfo.InvariantCulture);
            // Alignment and format parts (",10", ":N0") may follow; they cannot hold braces.
            while (i < format.Length && format[i] != '}' && format[i] != '{') i++;
            if (i >= format.Length || format[i] != '}') return null;
            found.Add(index);
        }

        return found.ToArray();
    }

    /// <summary>True when the placeholders are exactly <c>{0}</c>..<c>{n-1}</c> with none missing.</summary>
    public static bool IsContiguous(IReadOnlyList<int> placeholders)
    {
        for (var i = 0; i < placeholders.Count; i++)
        {
            if (placeholders[i] != i) return false;
        }

        return true;
    }
}
