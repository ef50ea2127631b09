using K8sLandscape.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace K8sLandscape.Catalog.Reading;

/// <summary>
/// Reads one catalog file (a top-level <c>components:</c> list) into definitions, keeping the line
/// of every field so that validation failures point at the right place. Catalog files are small,
/// so YamlDotNet's representation model is affordable here (unlike for manifests).
/// </summary>
internal static class CatalogReader
{
    private static readonly ComponentDefinitionValidator Validator = new();

    /// <summary>Reads <paramref name="yaml"/>; valid entries go to <paramref name="into"/>, problems to <paramref name="diagnostics"/>.</summary>
    public static void Read(string yaml, string path, string origin, List<ComponentDefinition> into, List<CatalogDiagnostic> diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            diagnostics.Add(new CatalogDiagnostic(path, ToInt(ex.Start.Line), ToInt(ex.Start.Column), null, null, "not valid YAML: " + StripMarkPrefix(ex.Message)));
            return;
        }

        if (stream.Documents.Count == 0) return;
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            diagnostics.Add(new CatalogDiagnostic(path, ToInt(second.Line), ToInt(second.Column), null, null, "a catalog file holds one YAML document; the documents after the first are ignored"));
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode map)
        {
            if (!IsNull(root)) Add(diagnostics, path, root.Start, null, null, "a catalog file must be a mapping with a 'components' list");
            return;
        }

        YamlNode? components = null;
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name == "components") components = value;
            else Add(diagnostics, path, key.Start, null, name, "unknown top-level field; a catalog file has only 'components'");
        }

        if (components is null || IsNull(components)) return;
        if (components is not YamlSequenceNode list)
        {
            Add(diagnostics, path, components.Start, null, "components", "'components' must be a list of component entries");
            return;
        }

        var seen = new Dictionary<string, Mark>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var entry = EntryReader.Read(list.Children[i], i, path, origin, diagnostics);
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

    internal static void Add(List<CatalogDiagnostic> diagnostics, string path, Mark mark, string? entry, string? field, string message) =>
        diagnostics.Add(new CatalogDiagnostic(path, ToInt(mark.Line), ToInt(mark.Column), entry, field, message));

    internal static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");

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
    private static Mark FindMark(Dictionary<string, Mark> marks, string field)
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

    private static int ToInt(long value) => value > int.MaxValue ? int.MaxValue : (int)value;

    // YamlDotNet starts messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the diagnostic carries the position already.
    private static string StripMarkPrefix(string message)
    {
        var i = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && i > 0 ? message[(i + 3)..] : message;
    }
}
