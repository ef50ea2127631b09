namespace K8sLandscape.Model.Storage;

/// <summary>An allowed step of the volume lifecycle.</summary>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="Action">What happens (the CSI RPC or API change).</param>
/// <param name="PerformedBy">The component that does it.</param>
public sealed record VolumeTransition(VolumeState From, VolumeState To, string Action, string PerformedBy);
