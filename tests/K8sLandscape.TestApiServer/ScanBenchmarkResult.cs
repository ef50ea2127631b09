namespace K8sLandscape.TestApiServer;

/// <summary>What one benchmark scan measured.</summary>
/// <param name="ObjectsServed">Objects the test API server holds.</param>
/// <param name="ObjectsRead">Kubernetes objects the cluster source returned.</param>
/// <param name="Requests">GET requests made (discovery, pages, retries).</param>
/// <param name="ReadSeconds">Wall time of the read (discovery and every list).</param>
/// <param name="BuildSeconds">Wall time of <c>Landscape.Build</c> over what was read.</param>
/// <param name="AllocatedBytes">Bytes allocated on the managed heap by this process during the scan (server included).</param>
/// <param name="PeakWorkingSetBytes">The process's peak working set so far (VmHWM; the server and its objects included).</param>
/// <param name="Components">Catalog components recognized in the landscape.</param>
public sealed record ScanBenchmarkResult(
    int ObjectsServed,
    int ObjectsRead,
    int Requests,
    double ReadSeconds,
    double BuildSeconds,
    long AllocatedBytes,
    long PeakWorkingSetBytes,
    int Components)
{
    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"{ObjectsRead:N0}/{ObjectsServed:N0} objects in {Requests:N0} requests: read {ReadSeconds:F2} s, build {BuildSeconds:F2} s, allocated {AllocatedBytes / 1048576.0:F0} MiB, peak working set {PeakWorkingSetBytes / 1048576.0:F0} MiB, {Components} component(s)");
}
