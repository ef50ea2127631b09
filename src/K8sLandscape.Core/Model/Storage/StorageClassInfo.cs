using K8sLandscape.Loading;

namespace K8sLandscape.Model.Storage;

/// <summary>A StorageClass and the fields that matter for conflicts.</summary>
/// <param name="Name">The class name.</param>
/// <param name="Provisioner">The provisioner (driver) name.</param>
/// <param name="IsDefault">True when annotated default by the GA or the beta annotation.</param>
/// <param name="DefaultAnnotation">The annotation that makes it default (<see cref="StorageSurface.DefaultClassAnnotation"/> or <see cref="StorageSurface.BetaDefaultClassAnnotation"/>), or null.</param>
/// <param name="ReclaimPolicy"><c>reclaimPolicy</c> (Kubernetes defaults to <c>Delete</c>), or null when not written.</param>
/// <param name="VolumeBindingMode"><c>volumeBindingMode</c> (defaults to <c>Immediate</c>), or null when not written.</param>
/// <param name="AllowVolumeExpansion"><c>allowVolumeExpansion</c>, or null when not written.</param>
/// <param name="Parameters">Driver parameters.</param>
/// <param name="Object">The StorageClass.</param>
/// <param name="Location">Where the default annotation is written, or the object's location.</param>
public sealed record StorageClassInfo(
    string Name,
    string Provisioner,
    bool IsDefault,
    string? DefaultAnnotation,
    string? ReclaimPolicy,
    string? VolumeBindingMode,
    bool? AllowVolumeExpansion,
    IReadOnlyDictionary<string, string> Parameters,
    KubeObject Object,
    SourceSpan Location);
