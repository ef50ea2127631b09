namespace K8sLandscape.Model.Devices;

/// <summary>An extended resource name with who provides it, which nodes advertise it and who asks for it.</summary>
/// <param name="Name">The resource name, e.g. <c>nvidia.com/gpu</c>.</param>
/// <param name="Providers">Ids of the components (or DRA device classes, <c>deviceclass:&lt;name&gt;</c>) that provide it, sorted.</param>
/// <param name="Nodes">Nodes advertising it, sorted by node name.</param>
/// <param name="Requests">Containers asking for it, in location order.</param>
public sealed record ExtendedResource(string Name, IReadOnlyList<string> Providers, IReadOnlyList<NodeResource> Nodes, IReadOnlyList<ResourceRequest> Requests);
