namespace K8sLandscape.Model.Api;

/// <summary>A Service an API server calls: an aggregated API, a conversion webhook or an admission webhook.</summary>
/// <param name="Namespace">The Service's namespace.</param>
/// <param name="Name">The Service's name.</param>
/// <param name="Path">The URL path, when given.</param>
/// <param name="Port">The port, or null for the default (443).</param>
public sealed record ServiceReference(string Namespace, string Name, string? Path, int? Port)
{
    /// <summary>Formats as <c>namespace/name:port/path</c>.</summary>
    public override string ToString() => $"{Namespace}/{Name}:{Port ?? 443}{Path}";
}
