namespace K8sLandscape.Model.Lifecycle;

/// <summary>The lifecycle extension surface.</summary>
public sealed class LifecycleSurface
{
    private LifecycleSurface()
    {
    }

    /// <summary>The extension points of this area.</summary>
    public IReadOnlyList<ExtensionPoint> ExtensionPoints { get; private init; } = [];

    internal static LifecycleSurface Build(LandscapeContext context)
    {
        _ = context;
        return new LifecycleSurface();
    }
}
