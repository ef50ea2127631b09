using K8sLandscape.Loading;

namespace K8sLandscape.Model.Devices;

/// <summary>A DRA DeviceClass (<c>resource.k8s.io</c>).</summary>
/// <param name="Name">The class name claims refer to.</param>
/// <param name="Drivers">Drivers its CEL selectors pin (<c>device.driver == "gpu.example.com"</c>), sorted.</param>
/// <param name="ExtendedResourceName"><c>spec.extendedResourceName</c> (KEP-5004), or null.</param>
/// <param name="Object">The DeviceClass.</param>
public sealed record DeviceClassInfo(string Name, IReadOnlyList<string> Drivers, string? ExtendedResourceName, KubeObject Object);
