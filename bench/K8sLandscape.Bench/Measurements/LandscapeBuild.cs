using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Bench.Measurements;

/// <summary>
/// <c>Landscape.Build</c> over objects loaded once in setup: the cost the landscape adds to a load
/// (issue 3's budget: at most 15% of the load time).
/// </summary>
internal sealed class LandscapeBuild : Measurement
{
    private LoadResult? _load;

    public override string Name => "landscape";

    public override string Description => "Landscape.Build over the loaded objects (the load itself is setup, untimed)";

    public override int Order => 40;

    public override void Setup(string file) => _load = new ManifestLoader().Load(file);

    public override RunOutcome Run(string file)
    {
        var landscape = Landscape.Build(_load!);
        return new RunOutcome(landscape.Objects.All.Count, FormattableString.Invariant($"{landscape.Components.Count} components, {landscape.Workloads.Count} workloads, {landscape.ExtensionPoints.Count} extension points"));
    }
}
