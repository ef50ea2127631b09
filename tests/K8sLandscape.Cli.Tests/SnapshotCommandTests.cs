using System.Text.Json;
using K8sLandscape.Cli;
using K8sLandscape.Loading;
using K8sLandscape.TestApiServer;

namespace K8sLandscape.Cli.Tests;

public sealed class SnapshotCommandTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("k8sl-cli-").FullName;
    private TestApiServer.TestApiServer? _server;
    private string _kubeconfig = string.Empty;

    public async Task InitializeAsync()
    {
        _server = await TestApiServer.TestApiServer.StartAsync(
        [
            KubeObject.FromJson("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"n1"}}"""),
            KubeObject.FromJson("""{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"calico-node","namespace":"kube-system"},"spec":{"template":{"spec":{"containers":[{"name":"c","image":"docker.io/calico/node:v3.27.0"}]}}}}"""),
            KubeObject.FromJson("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s","namespace":"a","annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"v1\",\"data\":{\"k\":\"dmFsdWU=\"},\"kind\":\"Secret\"}","meta.helm.sh/release-name":"r"}},"data":{"k":"dmFsdWU="}}"""),
        ]);
        _kubeconfig = _server.WriteKubeconfig(Path.Combine(_folder, "config"), "kind-test");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Snapshot_writes_a_file_the_loader_reads_back()
    {
        var output = Path.Combine(_folder, "snap.yaml");
        var (code, stdout, stderr) = Run("snapshot", "--cluster", "--kubeconfig", _kubeconfig, "--output", output);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("Cluster: context 'kind-test'", stdout, StringComparison.Ordinal);
        Assert.Contains("Read 3 object(s)", stdout, StringComparison.Ordinal);
        var loaded = new ManifestLoader().Load(output);
        Assert.Empty(loaded.Diagnostics);
        Assert.Equal(["ServerVersion", "Node", "DaemonSet", "Secret"], loaded.Objects.Select(o => o.Kind));
        var text = File.ReadAllText(output);
        Assert.DoesNotContain("dmFsdWU=", text, StringComparison.Ordinal);
        Assert.DoesNotContain("last-applied-configuration", text, StringComparison.Ordinal);
        Assert.Equal("r", loaded.Objects.Single(o => o.Kind == "Secret").Annotations["meta.helm.sh/release-name"]);
        var secretLists = _server!.Requests.Where(r => r.Path.EndsWith("/secrets", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(secretLists);
        Assert.All(secretLists, r => Assert.Contains("as=PartialObjectMetadataList", r.Accept, StringComparison.Ordinal));
        Assert.False(File.Exists(output + ".tmp"));
    }

    [Fact]
    public void Snapshot_reports_its_coverage_as_json()
    {
        _server!.InjectAlways("/apis/apps/v1/namespaces/kube-system/daemonsets", ServerFault.Status(403));
        var (code, stdout, _) = Run("snapshot", "--cluster", "--kubeconfig", _kubeconfig, "--context", "kind-test", "-n", "kube-system", "-n", "a", "--output", Path.Combine(_folder, "s.yaml"), "--format", "json");

        Assert.Equal(ExitCodes.Success, code);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.False(root.GetProperty("complete").GetBoolean());
        Assert.Equal(["a", "kube-system"], root.GetProperty("namespaces").EnumerateArray().Select(e => e.GetString()));
        var daemonsets = root.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("resource").GetString() == "daemonsets.apps");
        Assert.Equal("denied", daemonsets.GetProperty("outcome").GetString());
        Assert.Contains(_server.Requests, r => r.Path == "/apis/apps/v1/namespaces/a/daemonsets");
    }

    [Fact]
    public void Snapshot_to_standard_output_puts_the_summary_on_standard_error()
    {
        var (code, stdout, stderr) = Run("snapshot", "--cluster", "--kubeconfig", _kubeconfig, "--output", "-", "--no-pods");

        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("# k8s-landscape snapshot of context 'kind-test'", stdout, StringComparison.Ordinal);
        Assert.Contains("Wrote 4 document(s) to standard output.", stderr, StringComparison.Ordinal);
        Assert.Contains("pods", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_needs_output_but_not_the_redundant_cluster_option()
    {
        var output = Path.Combine(_folder, "x.yaml");
        var (code, stdout, _) = Run("snapshot", "--kubeconfig", _kubeconfig, "--output", output);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Read 3 object(s)", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(output));
        Assert.Equal(ExitCodes.UsageError, Run("snapshot", "--cluster").Code);
    }

    [Fact]
    public void An_unreachable_cluster_is_an_error_with_a_reason()
    {
        var (code, _, stderr) = Run("snapshot", "--cluster", "--kubeconfig", Path.Combine(_folder, "missing-config"), "--output", Path.Combine(_folder, "x.yaml"));

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("error: kubeconfig file not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_kubeconfig_is_an_error_that_names_the_file()
    {
        var bad = Path.Combine(_folder, "binary-config");
        File.WriteAllBytes(bad, [0x00, 0xff, 0xfe, 0x1b, 0x5b, 0x00, 0x7f, 0x80, 0x00]);

        var (code, stdout, stderr) = Run("snapshot", "--cluster", "--kubeconfig", bad, "--output", Path.Combine(_folder, "x.yaml"));

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.StartsWith($"error: kubeconfig {bad}: ", stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout);
        Assert.False(File.Exists(Path.Combine(_folder, "x.yaml")));
    }

    [Fact]
    public void A_snapshot_cut_short_by_its_timeout_is_still_written_with_what_was_read()
    {
        _server!.InjectAlways("/api/v1/nodes", ServerFault.Hang());
        var output = Path.Combine(_folder, "partial.yaml");

        var (code, stdout, _) = Run("snapshot", "--cluster", "--kubeconfig", _kubeconfig, "--output", output, "--timeout", "2");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("nodes: listing failed (the scan's deadline of 2 s passed)", stdout, StringComparison.Ordinal);
        var header = File.ReadLines(output).TakeWhile(l => l.StartsWith('#')).ToArray();
        Assert.Contains(header, l => l.Contains("nodes (v1): FAILED (0 read): the scan's deadline of 2 s passed", StringComparison.Ordinal));
    }
}
