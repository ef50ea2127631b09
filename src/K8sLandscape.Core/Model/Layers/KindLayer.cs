using K8sLandscape.Loading;

namespace K8sLandscape.Model.Layers;

/// <summary>The layer of one kind and why.</summary>
/// <param name="Kind">The group and kind.</param>
/// <param name="Layer">Its layer.</param>
/// <param name="Source">Which rule decided it.</param>
/// <param name="Reason">Detail for the inventory: the component id and category, the heuristic word, or the override key.</param>
public sealed record KindLayer(GroupKind Kind, ResourceLayer Layer, LayerSource Source, string? Reason);
