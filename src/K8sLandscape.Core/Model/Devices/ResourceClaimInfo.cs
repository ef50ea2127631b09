using K8sLandscape.Loading;

namespace K8sLandscape.Model.Devices;

/// <summary>A DRA ResourceClaim or ResourceClaimTemplate and the device classes it requests.</summary>
/// <param name="Name">The object's name.</param>
/// <param name="Namespace">The namespace, or null.</param>
/// <param name="IsTemplate">True for a ResourceClaimTemplate.</param>
/// <param name="DeviceClassNames">Device classes its requests name (exact requests and prioritized alternatives), sorted, distinct.</param>
/// <param name="Drivers">Drivers those classes resolve to (through DeviceClass selectors, or a catalog DRA driver of the same name), sorted.</param>
/// <param name="Object">The object.</param>
public sealed record ResourceClaimInfo(string Name, string? Namespace, bool IsTemplate, IReadOnlyList<string> DeviceClassNames, IReadOnlyList<string> Drivers, KubeObject Object);
