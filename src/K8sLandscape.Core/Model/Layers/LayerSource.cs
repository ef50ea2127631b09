namespace K8sLandscape.Model.Layers;

/// <summary>Why a kind was put in its layer, in the order the rules are tried (an override beats everything).</summary>
public enum LayerSource
{
    /// <summary>A user override (<see cref="LandscapeOptions.LayerOverrides"/>).</summary>
    Override = 0,

    /// <summary>The library's table of built-in kinds.</summary>
    BuiltIn,

    /// <summary>The catalog category of the component that serves the kind's CRD group.</summary>
    Catalog,

    /// <summary>A name heuristic on the kind (see <see cref="LayerHeuristics"/>).</summary>
    Heuristic,

    /// <summary>Nothing matched: custom resources default to the application layer.</summary>
    Default,
}
