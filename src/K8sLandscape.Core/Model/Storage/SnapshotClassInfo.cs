using K8sLandscape.Loading;

namespace K8sLandscape.Model.Storage;

/// <summary>A VolumeSnapshotClass (<c>snapshot.storage.k8s.io</c>).</summary>
/// <param name="Name">The class name.</param>
/// <param name="Driver">The CSI driver it snapshots with.</param>
/// <param name="IsDefault">True when annotated <c>snapshot.storage.kubernetes.io/is-default-class: "true"</c>.</param>
/// <param name="DeletionPolicy"><c>Delete</c> or <c>Retain</c>, or null.</param>
/// <param name="Object">The VolumeSnapshotClass.</param>
/// <param name="Location">Where the default annotation is written, or the object's location.</param>
public sealed record SnapshotClassInfo(string Name, string Driver, bool IsDefault, string? DeletionPolicy, KubeObject Object, SourceSpan Location);
