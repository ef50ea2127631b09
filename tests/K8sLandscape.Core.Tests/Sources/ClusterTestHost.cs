using K8sLandscape.Loading;
using K8sLandscape.Sources;
using K8sLandscape.TestApiServer;

namespace K8sLandscape.Core.Tests.Sources;

/// <summary>A test API server, a kubeconfig file pointing at it, and a cluster source built from that file.</summary>
internal sealed class ClusterTestHost : IAsyncDisposable
{
    private readonly string _folder;

    private ClusterTestHost(TestApiServer.TestApiServer server, string folder, string kubeconfig)
    {
        Server = server;
        _folder = folder;
        Kubeconfig = kubeconfig;
    }

    public TestApiServer.TestApiServer Server { get; }

    public string Kubeconfig { get; }

    /// <summary>Fast retries and small pages, so faults and pagination show in a handful of objects.</summary>
    public static ClusterReadOptions FastOptions { get; } = new()
    {
        PageSize = 2,
        MaxConcurrency = 2,
        InitialBackoff = TimeSpan.FromMilliseconds(1),
        MaxBackoff = TimeSpan.FromMilliseconds(5),
        RequestTimeout = TimeSpan.FromSeconds(30),
    };

    public static async Task<ClusterTestHost> StartAsync(IEnumerable<KubeObject> objects, TestApiServerOptions? options = null)
    {
        var server = await TestApiServer.TestApiServer.StartAsync(objects, options);
        var folder = Directory.CreateTempSubdirectory("k8sl-cluster-").FullName;
        var kubeconfig = server.WriteKubeconfig(Path.Combine(folder, "config"), "test");
        return new ClusterTestHost(server, folder, kubeconfig);
    }

    public ClusterSource Connect() => ClusterSource.Connect(new ClusterConnection(Kubeconfig));

    public async Task<ClusterReadResult> ReadAsync(ClusterReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var source = Connect();
        return await source.ReadAsync(options ?? FastOptions, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
