using K8sLandscape.Loading;

namespace K8sLandscape.Model.Lifecycle;

/// <summary>An OLM InstallPlan: the CSVs a subscription resolution will install.</summary>
/// <param name="Object">The InstallPlan object.</param>
/// <param name="ClusterServiceVersionNames"><c>spec.clusterServiceVersionNames</c>.</param>
/// <param name="Approval"><c>Automatic</c> or <c>Manual</c>.</param>
/// <param name="Approved">Whether it is approved.</param>
/// <param name="Phase"><c>status.phase</c> (<c>RequiresApproval</c>, <c>Installing</c>, <c>Complete</c>, <c>Failed</c>), or null.</param>
public sealed record OlmInstallPlan(KubeObject Object, IReadOnlyList<string> ClusterServiceVersionNames, string? Approval, bool Approved, string? Phase)
{
}
