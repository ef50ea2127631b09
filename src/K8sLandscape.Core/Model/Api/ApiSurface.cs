namespace K8sLandscape.Model.Api;

/// <summary>The api extension surface.</summary>
public sealed class ApiSurface
{
    private ApiSurface()
    {
    }

    /// <summary>The extension points of this area.</summary>
    public IReadOnlyList<ExtensionPoint> ExtensionPoints { get; private init; } = [];

    internal static ApiSurface Build(LandscapeContext context)
    {
        _ = context;
        return new ApiSurface();
    }
}
