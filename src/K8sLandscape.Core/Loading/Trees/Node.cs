namespace K8sLandscape.Loading.Trees;

/// <summary>
/// A transient tree for one document, built from YAML, JSON or TOML with each node's line, then
/// written once into the object's compact JSON body. Only one document's tree is alive per worker.
/// </summary>
internal abstract class Node(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>Nodes after alias expansion, this one included; guards against alias bombs.</summary>
    public abstract long ExpandedSize { get; }
}
