namespace K8sLandscape.Loading.Trees;

internal readonly record struct MappingEntry(string Key, int KeyLine, int KeyColumn, Node Value);
