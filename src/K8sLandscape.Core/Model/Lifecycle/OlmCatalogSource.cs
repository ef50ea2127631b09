using K8sLandscape.Loading;

namespace K8sLandscape.Model.Lifecycle;

/// <summary>An OLM CatalogSource: a catalog of operator packages.</summary>
/// <param name="Object">The CatalogSource object.</param>
/// <param name="SourceType"><c>grpc</c>, <c>configmap</c> or <c>internal</c>.</param>
/// <param name="Image">The catalog image, for grpc sources served from an image.</param>
/// <param name="Address">The address, for grpc sources served elsewhere.</param>
/// <param name="DisplayName"><c>spec.displayName</c>.</param>
/// <param name="Publisher"><c>spec.publisher</c>.</param>
public sealed record OlmCatalogSource(KubeObject Object, string? SourceType, string? Image, string? Address, string? DisplayName, string? Publisher)
{
}
