namespace K8sLandscape.Model.Admission;

/// <summary>The admission extension surface.</summary>
public sealed class AdmissionSurface
{
    private AdmissionSurface()
    {
    }

    /// <summary>The extension points of this area.</summary>
    public IReadOnlyList<ExtensionPoint> ExtensionPoints { get; private init; } = [];

    internal static AdmissionSurface Build(LandscapeContext context)
    {
        _ = context;
        return new AdmissionSurface();
    }
}
