using K8sLandscape.Loading;

namespace K8sLandscape.Model.Devices;

/// <summary>A device plugin installation: a catalog component and the extended resources it registers.</summary>
/// <param name="Id">The catalog component id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Resources">The extended resources it advertises, sorted.</param>
/// <param name="Objects">Its objects (DaemonSets, operator resources), in location order.</param>
public sealed record DevicePluginInfo(string Id, string Name, IReadOnlyList<string> Resources, IReadOnlyList<KubeObject> Objects);
