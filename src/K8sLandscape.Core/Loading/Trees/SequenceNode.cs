namespace K8sLandscape.Loading.Trees;

internal sealed class SequenceNode(int line, int column) : Node(line, column)
{
    private long _size = 1;

    public List<Node> Items { get; } = [];

    public override long ExpandedSize => _size;

    public void Add(Node item)
    {
        Items.Add(item);
        _size += item.ExpandedSize;
    }
}
