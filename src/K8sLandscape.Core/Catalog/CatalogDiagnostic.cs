using System.Text;

namespace K8sLandscape.Catalog;

/// <summary>A problem in a catalog file: where it is, which entry and field, and what is wrong.</summary>
/// <param name="Path">The catalog file (or the name of a built-in data file).</param>
/// <param name="Line">1-based line, or 0 when not known.</param>
/// <param name="Column">1-based column, or 0 when not known.</param>
/// <param name="EntryId">The entry's id, or <c>components[i]</c> when it has none; null for a problem with the file itself.</param>
/// <param name="Field">The field in camelCase path form, e.g. <c>fingerprints.labels[0]</c>; null when the whole entry or file is meant.</param>
/// <param name="Message">What is wrong.</param>
public sealed record CatalogDiagnostic(string Path, int Line, int Column, string? EntryId, string? Field, string Message)
{
    /// <summary>Formats as <c>file:line:col: entry 'x' field 'y': message</c> (parts that are not known are left out).</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(Path);
        if (Line > 0) sb.Append(':').Append(Line).Append(':').Append(Column);
        sb.Append(':');
        if (EntryId is not null) sb.Append(" entry '").Append(EntryId).Append('\'');
        if (Field is not null) sb.Append(" field '").Append(Field).Append('\'');
        if (EntryId is not null || Field is not null) sb.Append(':');
        return sb.Append(' ').Append(Message).ToString();
    }
}
