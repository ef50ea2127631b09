using K8sLandscape.Loading;

namespace K8sLandscape.Model.Lifecycle;

/// <summary>An OLM Subscription: a request to install and keep upgrading a package from a catalog channel.</summary>
/// <param name="Object">The Subscription object.</param>
/// <param name="Package">The package (<c>spec.name</c>).</param>
/// <param name="Channel">The channel, or null for the default.</param>
/// <param name="CatalogSource">The CatalogSource name (<c>spec.source</c>).</param>
/// <param name="CatalogSourceNamespace">The CatalogSource namespace (<c>spec.sourceNamespace</c>).</param>
/// <param name="StartingCsv">The first CSV to install, or null.</param>
/// <param name="InstallPlanApproval"><c>Automatic</c> (default) or <c>Manual</c>.</param>
/// <param name="CurrentCsv"><c>status.currentCSV</c>.</param>
/// <param name="InstalledCsv"><c>status.installedCSV</c>.</param>
/// <param name="State"><c>status.state</c>, e.g. <c>AtLatestKnown</c>, <c>UpgradePending</c>.</param>
public sealed record OlmSubscription(
    KubeObject Object,
    string Package,
    string? Channel,
    string? CatalogSource,
    string? CatalogSourceNamespace,
    string? StartingCsv,
    string InstallPlanApproval,
    string? CurrentCsv,
    string? InstalledCsv,
    string? State)
{
}
