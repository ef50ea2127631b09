namespace K8sLandscape.Model.Storage;

/// <summary>The storage extension surface.</summary>
public sealed class StorageSurface
{
    private StorageSurface()
    {
    }

    /// <summary>The extension points of this area.</summary>
    public IReadOnlyList<ExtensionPoint> ExtensionPoints { get; private init; } = [];

    internal static StorageSurface Build(LandscapeContext context)
    {
        _ = context;
        return new StorageSurface();
    }
}
