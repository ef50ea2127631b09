namespace K8sLandscape.Model;

/// <summary>
/// A place where Kubernetes is extended (pod networking, dynamic provisioning, the GPU resource,
/// Pod admission, ...) and what implements it in this cluster. More than one implementation where
/// one is expected is fragmentation.
/// </summary>
/// <param name="Area">The area: <c>runtime</c>, <c>network</c>, <c>storage</c>, <c>devices</c>, <c>api</c>, <c>admission</c>, <c>lifecycle</c>.</param>
/// <param name="Name">The extension point, e.g. <c>pod-network</c>, <c>default-storage-class</c>, <c>nvidia.com/gpu</c>.</param>
/// <param name="Implementations">What implements it, sorted by id.</param>
/// <param name="ExpectsSingle">True when more than one implementation is a conflict (a primary CNI), false when several are normal (CSI drivers).</param>
public sealed record ExtensionPoint(string Area, string Name, IReadOnlyList<ExtensionImplementation> Implementations, bool ExpectsSingle);
