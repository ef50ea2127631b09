namespace K8sLandscape.Model.Lifecycle;

/// <summary>One entry of an object's <c>metadata.managedFields</c>: a field manager and the fields it owns.</summary>
/// <param name="Index">The entry's position in <c>metadata.managedFields</c>.</param>
/// <param name="Manager">The field manager (empty when absent).</param>
/// <param name="Operation"><c>Apply</c> or <c>Update</c>, or null.</param>
/// <param name="Subresource">The subresource the fields belong to (empty for the main resource).</param>
/// <param name="Fields">
/// The leaf fields its <c>fieldsV1</c> set owns, as dotted paths with the <c>f:</c> prefixes removed
/// (list item keys such as <c>k:{"name":"x"}</c> kept as written), in the order written. A node's
/// own <c>.</c> marker is not a field: every manager setting a child owns it.
/// </param>
public sealed record ManagedFieldsEntry(int Index, string Manager, string? Operation, string Subresource, IReadOnlyList<string> Fields);
