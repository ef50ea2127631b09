namespace K8sLandscape.TestApiServer;

/// <summary>One object as the server stores it: the list item JSON (no apiVersion or kind) and its metadata-only form.</summary>
internal sealed record StoredItem(string? Namespace, string Name, byte[] Item, byte[] MetadataItem);
