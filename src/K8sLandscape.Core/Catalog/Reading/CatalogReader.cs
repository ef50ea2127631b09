using K8sLandscape.Loading.Trees;
using K8sLandscape.Loading.Yaml;
using K8sLandscape.Model;

namespace K8sLandscape.Catalog.Reading;

/// <summary>
/// Reads one catalog file (a top-level <c>components:</c> list) into definitions, keeping the line
/// of every field so that validation failures point at the right place. The file goes through the
/// manifest loader's hardened YAML reader (<see cref="YamlDocumentReader"/>): its limits, alias
/// budget and duplicate-key check apply to catalog files too.
/// </summary>
internal static class CatalogReader
{
    private static readonly ComponentDefinitionValidator Validator = new();

    /// <summary>Reads <paramref name="yaml"/>; valid entries go to <paramref name="into"/>, problems to <paramref name="diagnostics"/>.</summary>
    public static void Read(string yaml, string path, string origin, List<ComponentDefinition> into, List<CatalogDiagnostic> diagnostics)
    {
        var (roots, problems) = YamlDocumentReader.Read(yaml, path);
        foreach (var p in problems) diagnostics.Add(new CatalogDiagnostic(path, p.Location.Line, p.Location.Column, null, null, p.Message));
        if (roots.Count == 0) return;
        if (roots.Count > 1)
        {
            diagnostics.Add(new CatalogDiagnostic(path, roots[1].Line, roots[1].Column, null, null, "a catalog file holds one YAML document; the documents after the first are ignored"));
        }

        var root = roots[0];
        if (root is not MappingNode map)
        {
            if (!IsNull(root)) Add(diagnostics, path, FieldMark.Of(root), null, null, "a catalog file must be a mapping with a 'components' list");
            return;
        }

        Node? components = null;
        foreach (var entry in map.Entries)
        {
            if (entry.Key == "components") components = entry.Value;
            else Add(diagnostics, path, FieldMark.OfKey(entry), null, entry.Key, "unknown top-level field; a catalog file has only 'components'");
        }

        if (components is null || IsNull(components)) return;
        if (components is not SequenceNode list)
        {
            Add(diagnostics, path, FieldMark.Of(components), null, "components", "'components' must be a list of component entries");
            return;
        }

        var seen = new Dictionary<string, FieldMark>(StringComparer.Ordinal);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var entry = EntryReader.Read(list.Items[i], i, path, origin, diagnostics);
            if (entry is null) continue;
            var (definition, marks, label) = entry.Value;
            var result = Validator.Validate(definition);
            if (!result.IsValid)
            {
                foreach (var failure in result.Errors)
                {
                    var field = ToCamelPath(failure.PropertyName);
                    Add(diagnostics, path, FindMark(marks, field), label, field.Length == 0 ? null : field, failure.ErrorMessage);
                }

                continue;
            }

            if (seen.TryGetValue(definition.Id, out var first))
            {
                Add(diagnostics, path, marks[string.Empty], label, "id", $"duplicate id; the entry at line {first.Line} has it already");
                continue;
            }

            seen[definition.Id] = marks[string.Empty];
            into.Add(definition);
        }
    }

    internal static void Add(List<CatalogDiagnostic> diagnostics, string path, FieldMark mark, string? entry, string? field, string message) =>
        diagnostics.Add(new CatalogDiagnostic(path, mark.Line, mark.Column, entry, field, message));

    // The reader resolves plain null, ~, Null, NULL and empty values as null; quoted ones stay strings.
    internal static bool IsNull(Node node) => node is ScalarNode { Kind: ScalarKind.Null };

    /// <summary>Turns FluentValidation's <c>Fingerprints.Labels[0]</c> into the file's <c>fingerprints.labels[0]</c>.</summary>
    internal static string ToCamelPath(string propertyName)
    {
        if (string.IsNullOrEmpty(propertyName)) return string.Empty;
        var parts = propertyName.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length > 0) parts[i] = char.ToLowerInvariant(parts[i][0]) + parts[i][1..];
        }

        return string.Join('.', parts);
    }

    /// <summary>The mark of a field, or of its nearest recorded ancestor, or of the entry.</summary>
    private static FieldMark FindMark(Dictionary<string, FieldMark> marks, string field)
    {
        var f = field;
        while (f.Length > 0)
        {
            if (marks.TryGetValue(f, out var m)) return m;
            var cut = Math.Max(f.LastIndexOf('.'), f.LastIndexOf('['));
            f = cut > 0 ? f[..cut] : string.Empty;
        }

        return marks[string.Empty];
    }
}
