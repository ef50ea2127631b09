namespace K8sLandscape.Loading.Trees;

internal sealed class ScalarNode(string text, ScalarKind kind, int line, int column) : Node(line, column)
{
    public string Text { get; } = text;

    public ScalarKind Kind { get; } = kind;

    public override long ExpandedSize => 1;
}
