namespace K8sLandscape.Model.Api;

/// <summary>A CRD's <c>spec.conversion</c>.</summary>
/// <param name="Strategy">The strategy.</param>
/// <param name="Service">The conversion webhook's Service, for the webhook strategy.</param>
/// <param name="Url">The conversion webhook's URL, when given instead of a Service.</param>
/// <param name="ReviewVersions">The ConversionReview versions the webhook accepts.</param>
/// <param name="Path">The field path, <c>spec.conversion</c>.</param>
public sealed record CrdConversion(ConversionStrategy Strategy, ServiceReference? Service, string? Url, IReadOnlyList<string> ReviewVersions, string Path)
{
    /// <summary>The default when <c>spec.conversion</c> is absent.</summary>
    public static CrdConversion Default { get; } = new(ConversionStrategy.None, null, null, [], "spec.conversion");
}
