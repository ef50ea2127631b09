using K8sLandscape.Loading;

namespace K8sLandscape.Bench.Measurements;

/// <summary><c>new ManifestLoader().Load(file)</c>: split, parse on all cores, build JSON bodies, keep all objects.</summary>
internal sealed class LoaderLoad : Measurement
{
    public override string Name => "load";

    public override string Description => "new ManifestLoader().Load(file): all objects in memory as JsonElement bodies";

    public override int Order => 10;

    public override RunOutcome Run(string file)
    {
        var result = new ManifestLoader().Load(file);
        var problems = result.Diagnostics.Count;
        return new RunOutcome(result.Objects.Count, problems == 0 ? null : $"{problems} diagnostics, first: {result.Diagnostics[0]}");
    }
}
