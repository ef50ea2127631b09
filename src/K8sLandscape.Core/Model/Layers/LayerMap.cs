using K8sLandscape.Loading;
using K8sLandscape.Model.Api;

namespace K8sLandscape.Model.Layers;

/// <summary>The resource layer of every kind present in a landscape.</summary>
public sealed class LayerMap
{
    private LayerMap(IReadOnlyDictionary<GroupKind, ResourceLayer> layers) => Layers = layers;

    /// <summary>Layer per kind present.</summary>
    public IReadOnlyDictionary<GroupKind, ResourceLayer> Layers { get; }

    internal static LayerMap Build(LandscapeContext context, ApiSurface api)
    {
        _ = api;
        return new LayerMap(context.Objects.Kinds.ToDictionary(k => k, _ => ResourceLayer.Unknown));
    }
}
