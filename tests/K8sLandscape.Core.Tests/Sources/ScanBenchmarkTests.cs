using K8sLandscape.TestApiServer;

namespace K8sLandscape.Core.Tests.Sources;

public class ScanBenchmarkTests
{
    [Fact]
    public async Task A_benchmark_scan_reads_every_object_it_serves()
    {
        await using var bench = await ScanBenchmark.StartAsync(Fixtures.SmallCluster());
        var result = await bench.RunAsync();

        Assert.Equal(Fixtures.SmallCluster().Count, result.ObjectsServed);
        Assert.Equal(result.ObjectsServed, result.ObjectsRead);
        Assert.Equal(bench.Server.Requests.Count, result.Requests);
    }
}
