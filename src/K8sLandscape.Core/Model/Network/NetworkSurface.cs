namespace K8sLandscape.Model.Network;

/// <summary>The network extension surface.</summary>
public sealed class NetworkSurface
{
    private NetworkSurface()
    {
    }

    /// <summary>The extension points of this area.</summary>
    public IReadOnlyList<ExtensionPoint> ExtensionPoints { get; private init; } = [];

    internal static NetworkSurface Build(LandscapeContext context)
    {
        _ = context;
        return new NetworkSurface();
    }
}
