namespace K8sLandscape.Loading.Trees;

internal enum ScalarKind
{
    String,
    Integer,
    Float,
    Boolean,
    Null,
}
