namespace K8sLandscape.Loading;

/// <summary>
/// Where something came from: a file (or <c>-</c> for standard input, or a cluster resource path)
/// and a 1-based line and column. Line 0 means "the whole source" (for example an unreadable file).
/// </summary>
/// <param name="Path">The file path as given to the loader, <c>-</c> for standard input, or a cluster location.</param>
/// <param name="Line">1-based line, or 0 when the position is not known.</param>
/// <param name="Column">1-based column, or 0 when the position is not known.</param>
public readonly record struct SourceSpan(string Path, int Line, int Column) : IComparable<SourceSpan>
{
    /// <summary>A span that points nowhere; used for objects created in code.</summary>
    public static SourceSpan None { get; } = new(string.Empty, 0, 0);

    /// <summary>True when the span names a source.</summary>
    public bool IsKnown => Path.Length > 0;

    /// <summary>Returns the same source at another line (column 1).</summary>
    public SourceSpan WithLine(int line) => new(Path, line, line > 0 ? 1 : 0);

    /// <inheritdoc />
    public int CompareTo(SourceSpan other)
    {
        var c = string.CompareOrdinal(Path, other.Path);
        if (c != 0) return c;
        c = Line.CompareTo(other.Line);
        return c != 0 ? c : Column.CompareTo(other.Column);
    }

    /// <summary>Orders by path, then line, then column.</summary>
    public static bool operator <(SourceSpan left, SourceSpan right) => left.CompareTo(right) < 0;

    /// <summary>Orders by path, then line, then column.</summary>
    public static bool operator >(SourceSpan left, SourceSpan right) => left.CompareTo(right) > 0;

    /// <summary>Orders by path, then line, then column.</summary>
    public static bool operator <=(SourceSpan left, SourceSpan right) => left.CompareTo(right) <= 0;

    /// <summary>Orders by path, then line, then column.</summary>
    public static bool operator >=(SourceSpan left, SourceSpan right) => left.CompareTo(right) >= 0;

    /// <summary>Formats as <c>path:line:column</c> (the form compilers and editors understand).</summary>
    public override string ToString() => Line > 0 ? $"{Path}:{Line}:{Column}" : Path;
}
