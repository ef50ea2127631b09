namespace K8sLandscape.Model.Network;

/// <summary>The CNI configuration files found in one directory and which one a runtime would use.</summary>
/// <param name="Directory">The directory.</param>
/// <param name="Files">Its configuration files, sorted by file name.</param>
/// <param name="Chosen">The file the runtime loads (lexicographically first), or null.</param>
/// <param name="Ignored">The files the runtime ignores.</param>
public sealed record CniConfigDirectory(string Directory, IReadOnlyList<CniConfigFile> Files, CniConfigFile? Chosen, IReadOnlyList<CniConfigFile> Ignored);
