using System.Diagnostics;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Sources;

namespace K8sLandscape.TestApiServer;

/// <summary>
/// Times a whole cluster scan against a <see cref="TestApiServer"/> holding many objects: discovery,
/// paginated lists, then <c>Landscape.Build</c>. Reusable from tests (a small smoke run) and from the
/// benchmark harness (20,000 objects). The server runs in the same process, so memory figures include it.
/// </summary>
public sealed class ScanBenchmark : IAsyncDisposable
{
    private readonly TestApiServer _server;
    private readonly string _folder;
    private readonly string _kubeconfig;

    private ScanBenchmark(TestApiServer server, string folder, string kubeconfig, int served)
    {
        _server = server;
        _folder = folder;
        _kubeconfig = kubeconfig;
        ObjectsServed = served;
    }

    /// <summary>Objects the server holds (those of the kinds the cluster source reads).</summary>
    public int ObjectsServed { get; }

    /// <summary>The server, to inspect its recorded requests.</summary>
    public TestApiServer Server => _server;

    /// <summary>
    /// Starts a server holding at most <paramref name="maxObjects"/> of the given objects, keeping
    /// only the kinds the cluster source reads (one per identity) so every served object is read.
    /// </summary>
    public static async Task<ScanBenchmark> StartAsync(IEnumerable<KubeObject> objects, int maxObjects = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var selected = objects
            .Where(o => o.DocumentClass == DocumentClass.KubernetesObject && ClusterKinds.Find(o.Group, o.Kind) is not null)
            .DistinctBy(o => o.Ref)
            .Take(maxObjects)
            .ToArray();
        var server = await TestApiServer.StartAsync(selected).ConfigureAwait(false);
        var folder = Directory.CreateTempSubdirectory("k8sl-scan-").FullName;
        var kubeconfig = server.WriteKubeconfig(Path.Combine(folder, "config"), "bench");
        return new ScanBenchmark(server, folder, kubeconfig, selected.Length);
    }

    /// <summary>Scans once: reads the cluster and builds the landscape.</summary>
    public async Task<ScanBenchmarkResult> RunAsync(ClusterReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Everything served is read: ConfigMaps in every namespace, not only the system ones.
        options ??= ClusterReadOptions.Default with { AllNamespacesForSystemScopedKinds = true };
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        ClusterReadResult read;
        using (var source = ClusterSource.Connect(new ClusterConnection(_kubeconfig)))
        {
            read = await source.ReadAsync(options, cancellationToken).ConfigureAwait(false);
        }

        var readSeconds = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var landscape = Landscape.Build(read.Load);
        var buildSeconds = sw.Elapsed.TotalSeconds;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        using var process = Process.GetCurrentProcess();
        return new ScanBenchmarkResult(
            ObjectsServed,
            read.Load.Objects.Count(o => o.DocumentClass == DocumentClass.KubernetesObject),
            read.Coverage.Requests,
            readSeconds,
            buildSeconds,
            allocated,
            process.PeakWorkingSet64,
            landscape.Components.Count);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
