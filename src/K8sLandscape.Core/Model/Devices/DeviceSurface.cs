namespace K8sLandscape.Model.Devices;

/// <summary>The devices extension surface.</summary>
public sealed class DeviceSurface
{
    private DeviceSurface()
    {
    }

    /// <summary>The extension points of this area.</summary>
    public IReadOnlyList<ExtensionPoint> ExtensionPoints { get; private init; } = [];

    internal static DeviceSurface Build(LandscapeContext context)
    {
        _ = context;
        return new DeviceSurface();
    }
}
