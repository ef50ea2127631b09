using K8sLandscape.Loading;

namespace K8sLandscape.Model.Storage;

/// <summary>A PersistentVolumeClaim: what it asks for.</summary>
/// <param name="Name">The claim name.</param>
/// <param name="Namespace">The claim namespace, or null when not written.</param>
/// <param name="StorageClassName"><c>spec.storageClassName</c>; null means "the default class", empty means "no class".</param>
/// <param name="AccessModes">Requested access modes.</param>
/// <param name="Object">The claim.</param>
public sealed record ClaimInfo(string Name, string? Namespace, string? StorageClassName, IReadOnlyList<string> AccessModes, KubeObject Object);
