using K8sLandscape.Loading.Trees;

namespace K8sLandscape.Catalog.Reading;

/// <summary>Where a field or value of a catalog file starts (1-based line and column).</summary>
internal readonly record struct FieldMark(int Line, int Column)
{
    public static FieldMark Of(Node node) => new(node.Line, node.Column);

    public static FieldMark OfKey(MappingEntry entry) => new(entry.KeyLine, entry.KeyColumn);
}
