namespace K8sLandscape.Model.Api;

/// <summary>Why kubectl resolves a contested name to the resource it picks (see <see cref="DiscoveryOrder"/>).</summary>
public enum NameResolutionBasis
{
    /// <summary>A built-in group serves the name; built-in groups outrank every CRD group in discovery.</summary>
    BuiltInFirst,

    /// <summary>CRD groups, all at the same priority, ordered by group name.</summary>
    GroupName,

    /// <summary>The claimants share one group, so discovery priority does not separate them; the winner is not predicted.</summary>
    SameGroup,
}
