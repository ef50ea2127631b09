using K8sLandscape.Loading;
using K8sLandscape.TestApiServer;

namespace K8sLandscape.Bench.Measurements;

/// <summary>
/// A live-cluster scan: the first 20,000 objects of the file that the cluster source reads are served
/// by the test API server on 127.0.0.1, then read through KubernetesClient (discovery, pages of 500,
/// 4 requests in flight) and built into a landscape. The server lives in the same process, so the
/// peak memory includes the served objects.
/// </summary>
internal sealed class ClusterScan : Measurement
{
    private ScanBenchmark? _bench;

    public override string Name => "cluster-scan";

    public override string Description => "ClusterSource.ReadAsync + Landscape.Build over 20,000 objects served by the test API server";

    public override int Order => 30;

    public override void Setup(string file)
    {
        var objects = new ManifestLoader().Load(file).Objects;
        _bench = ScanBenchmark.StartAsync(objects, 20_000).GetAwaiter().GetResult();
    }

    public override RunOutcome Run(string file)
    {
        var result = _bench!.RunAsync().GetAwaiter().GetResult();
        return new RunOutcome(result.ObjectsRead, FormattableString.Invariant($"{result.Requests} GET requests; read {result.ReadSeconds:F2} s + build {result.BuildSeconds:F2} s"));
    }
}
