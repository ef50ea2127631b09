using K8sLandscape.Loading;

namespace K8sLandscape.Model.Devices;

/// <summary>A DRA ResourceSlice: devices a driver publishes for a node or pool.</summary>
/// <param name="Driver"><c>spec.driver</c>.</param>
/// <param name="NodeName"><c>spec.nodeName</c>, or null for network-attached pools.</param>
/// <param name="Pool"><c>spec.pool.name</c>, or null.</param>
/// <param name="DeviceCount">The number of devices listed.</param>
/// <param name="Object">The ResourceSlice.</param>
public sealed record ResourceSliceInfo(string Driver, string? NodeName, string? Pool, int DeviceCount, KubeObject Object);
