using K8sLandscape.Loading;

namespace K8sLandscape.Model;

/// <summary>One implementation found at an extension point: a catalog component, or an unrecognized extension.</summary>
/// <param name="Id">The component id, or a descriptive id for an unrecognized extension (e.g. <c>crd-group:example.com</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="Recognized">True when the catalog knows it.</param>
/// <param name="Objects">The objects that make it up, in location order.</param>
public sealed record ExtensionImplementation(string Id, string Name, bool Recognized, IReadOnlyList<KubeObject> Objects);
