using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Bench.Measurements;

/// <summary>
/// Load and <c>Landscape.Build</c> on fresh objects, as the tool runs them: its time minus the
/// <c>load</c> measurement's is what the landscape adds, first-touch costs (every body parsed,
/// labels read) included. The <c>landscape</c> measurement rebuilds over objects already touched.
/// </summary>
internal sealed class LoadAndLandscape : Measurement
{
    public override string Name => "load+landscape";

    public override string Description => "ManifestLoader.Load then Landscape.Build on the fresh objects";

    public override int Order => 15;

    public override RunOutcome Run(string file)
    {
        var landscape = Landscape.Build(new ManifestLoader().Load(file));
        return new RunOutcome(landscape.Objects.All.Count, FormattableString.Invariant($"{landscape.Components.Count} components, {landscape.ExtensionPoints.Count} extension points"));
    }
}
