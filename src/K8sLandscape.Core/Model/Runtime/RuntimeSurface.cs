namespace K8sLandscape.Model.Runtime;

/// <summary>The runtime extension surface.</summary>
public sealed class RuntimeSurface
{
    private RuntimeSurface()
    {
    }

    /// <summary>The extension points of this area.</summary>
    public IReadOnlyList<ExtensionPoint> ExtensionPoints { get; private init; } = [];

    internal static RuntimeSurface Build(LandscapeContext context)
    {
        _ = context;
        return new RuntimeSurface();
    }
}
