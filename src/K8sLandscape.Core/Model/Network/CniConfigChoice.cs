namespace K8sLandscape.Model.Network;

/// <summary>The configuration file a runtime uses from a CNI configuration directory, and the ones it ignores.</summary>
/// <param name="Chosen">The file loaded (lexicographically first), or null when there is none.</param>
/// <param name="Ignored">The other candidate files, in sorted order.</param>
public sealed record CniConfigChoice(string? Chosen, IReadOnlyList<string> Ignored);
