using K8sLandscape.Model.Api;

namespace K8sLandscape.Model.Admission;

/// <summary>Where the API server sends admission reviews: a Service in the cluster or a URL.</summary>
/// <param name="Service">The Service, when the webhook runs in the cluster.</param>
/// <param name="Url">The URL, when given instead.</param>
public sealed record WebhookClientConfig(ServiceReference? Service, string? Url)
{
    /// <summary>Formats the target.</summary>
    public override string ToString() => Service?.ToString() ?? Url ?? "<none>";
}
