using K8sLandscape.Loading;

namespace K8sLandscape.Bench.Measurements;

/// <summary>The loader on one thread: its CPU cost, comparable with the single-threaded floor on any machine.</summary>
internal sealed class LoaderLoadOneCore : Measurement
{
    public override string Name => "load-1core";

    public override string Description => "ManifestLoader with MaxParallelism = 1 (CPU cost of the loader; opt in with --only)";

    public override int Order => 20;

    public override bool RunsByDefault => false;

    public override RunOutcome Run(string file)
    {
        var result = new ManifestLoader(new LoaderOptions { MaxParallelism = 1 }).Load(file);
        return new RunOutcome(result.Objects.Count, result.Diagnostics.Count == 0 ? null : $"{result.Diagnostics.Count} diagnostics");
    }
}
