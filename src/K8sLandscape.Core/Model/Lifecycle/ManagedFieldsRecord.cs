using K8sLandscape.Loading;

namespace K8sLandscape.Model.Lifecycle;

/// <summary>An object with more than one server-side apply field manager, and what each owns.</summary>
/// <param name="Object">The object.</param>
/// <param name="Entries">Its <c>metadata.managedFields</c> entries, in order.</param>
public sealed record ManagedFieldsRecord(KubeObject Object, IReadOnlyList<ManagedFieldsEntry> Entries);
