using System.Diagnostics;
using K8sLandscape.Cli;
using K8sLandscape.Loading;
using K8sLandscape.TestApiServer;
using Newtonsoft.Json.Linq;

namespace K8sLandscape.Cli.Tests;

/// <summary><c>analyze --cluster</c> and <c>inventory --cluster</c> against the in-process test API server.</summary>
public sealed class AnalyzeClusterTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("k8sl-cli-").FullName;
    private TestApiServer.TestApiServer? _server;
    private string _kubeconfig = string.Empty;

    public async Task InitializeAsync()
    {
        _server = await TestApiServer.TestApiServer.StartAsync(
        [
            KubeObject.FromJson("""{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"calico-node","namespace":"kube-system"},"spec":{"template":{"spec":{"containers":[{"name":"c","image":"docker.io/calico/node:v3.27.0"}]}}}}"""),
            KubeObject.FromJson("""{"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"name":"gp3"},"provisioner":"ebs.csi.aws.com"}"""),
        ]);
        _kubeconfig = _server.WriteKubeconfig(Path.Combine(_folder, "config"), "kind-test");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Json_report_of_a_cluster_carries_the_coverage_and_the_denied_kind_as_a_finding()
    {
        _server!.InjectAlways("/apis/apps/v1/daemonsets", ServerFault.Status(403));

        var run = CliRunner.Run("analyze", "--cluster", "--kubeconfig", _kubeconfig, "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode); // KL0091 is a warning; the default --fail-on is error
        var root = JObject.Parse(run.Stdout);
        var coverage = root["coverage"]!;
        Assert.Equal("kind-test", (string?)coverage["context"]);
        Assert.False((bool)coverage["complete"]!);
        Assert.Equal("denied", (string?)coverage["kinds"]!.Single(k => (string?)k["resource"] == "daemonsets.apps")["outcome"]);
        Assert.Equal("read", (string?)coverage["kinds"]!.Single(k => (string?)k["resource"] == "storageclasses.storage.k8s.io")["outcome"]);
        var denied = root["findings"]!.Single(f => (string?)f["ruleId"] == "KL0091");
        Assert.Equal("warning", (string?)denied["severity"]);
        Assert.StartsWith("cluster://kind-test/", (string?)denied["location"]!["path"], StringComparison.Ordinal);
        Assert.Empty((JArray)root["inputs"]!);
        Assert.DoesNotContain(root["findings"]!, f => (string?)f["ruleId"] == "KL0001");
        Assert.Equal(ExitCodes.Findings, CliRunner.Run("analyze", "--cluster", "--kubeconfig", _kubeconfig, "--fail-on", "warning").ExitCode);
    }

    [Fact]
    public void Text_report_of_a_cluster_starts_with_what_was_and_was_not_read()
    {
        var run = CliRunner.Run("analyze", "--cluster", "--kubeconfig", _kubeconfig, "--no-pods");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Stdout.Split('\n');
        Assert.StartsWith("Cluster: context 'kind-test' at ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("Read 2 object(s)", lines[2], StringComparison.Ordinal);
        Assert.Contains("Skipped: 1", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_rejects_paths_with_cluster_and_an_unreachable_cluster()
    {
        Assert.Equal(ExitCodes.UsageError, CliRunner.Run("analyze", "x.yaml", "--cluster", "--kubeconfig", _kubeconfig).ExitCode);
        var missing = CliRunner.Run("analyze", "--cluster", "--kubeconfig", Path.Combine(_folder, "absent"));
        Assert.Equal(ExitCodes.UsageError, missing.ExitCode);
        Assert.StartsWith("error: ", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Inventory_reads_a_cluster_and_states_its_coverage()
    {
        var text = CliRunner.Run("inventory", "--cluster", "--kubeconfig", _kubeconfig);
        Assert.Equal(ExitCodes.Success, text.ExitCode);
        Assert.StartsWith("Cluster: context 'kind-test'", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("calico", text.Stdout, StringComparison.Ordinal);

        var json = CliRunner.Run("inventory", "--cluster", "--kubeconfig", _kubeconfig, "--format", "json");
        Assert.Equal(ExitCodes.Success, json.ExitCode);
        Assert.Contains(JObject.Parse(json.Stdout)["components"]!, c => (string?)c["id"] == "calico");
        Assert.StartsWith("Cluster: context 'kind-test'", json.Stderr, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.UsageError, CliRunner.Run("inventory", "--kubeconfig", _kubeconfig, Path.Combine(_folder, "config")).ExitCode);
        Assert.Equal(ExitCodes.UsageError, CliRunner.Run("inventory").ExitCode);
    }

    [Fact]
    public void Kinds_the_cluster_does_not_serve_are_counted_in_the_coverage_not_reported_as_findings()
    {
        var run = CliRunner.Run("analyze", "--cluster", "--kubeconfig", _kubeconfig, "--format", "json", "--min-severity", "info");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var root = JObject.Parse(run.Stdout);
        var notServed = root["coverage"]!["kinds"]!.Where(k => (string?)k["outcome"] is { } o && o.StartsWith("not", StringComparison.Ordinal)).ToArray();
        Assert.Contains(notServed, k => (string?)k["resource"] == "subscriptions.operators.coreos.com");
        Assert.True((bool)root["coverage"]!["complete"]!);
        Assert.DoesNotContain(root["findings"]!, f => ((string?)f["ruleId"])!.StartsWith("KL009", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("inventory")]
    public void A_malformed_kubeconfig_is_a_usage_error_that_names_the_file(string command)
    {
        var bad = Path.Combine(_folder, "broken-config");
        File.WriteAllText(bad, "apiVersion: v1\nclusters: [\nusers: {\n");

        var run = CliRunner.Run(command, "--cluster", "--kubeconfig", bad);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.StartsWith($"error: kubeconfig {bad}: ", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void A_server_with_an_unsupported_scheme_is_a_usage_error()
    {
        var ftp = TestApiServer.TestApiServer.WriteKubeconfig(Path.Combine(_folder, "ftp-config"), "ftp://127.0.0.1:21", "t");

        var run = CliRunner.Run("analyze", "--cluster", "--kubeconfig", ftp);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("the scheme 'ftp'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(ftp, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_connection_is_a_usage_error_within_seconds()
    {
        var refused = TestApiServer.TestApiServer.WriteKubeconfig(Path.Combine(_folder, "refused-config"), TestApiServer.TestApiServer.UnusedLoopbackAddress().ToString(), "t");

        var clock = Stopwatch.StartNew();
        var run = CliRunner.Run("analyze", "--cluster", "--kubeconfig", refused);
        clock.Stop();

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.StartsWith("error: cannot read the API server's discovery", run.Stderr, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Timeout_bounds_the_whole_scan_and_reports_what_it_cut_short()
    {
        _server!.InjectAlways("/apis/apps/v1/daemonsets", ServerFault.Hang());

        var clock = Stopwatch.StartNew();
        var run = CliRunner.Run("analyze", "--cluster", "--kubeconfig", _kubeconfig, "--timeout", "2", "--format", "json");
        clock.Stop();

        Assert.Equal(ExitCodes.Findings, run.ExitCode); // a kind not read is an error (KL0093)
        var root = JObject.Parse(run.Stdout);
        var daemonsets = root["coverage"]!["kinds"]!.Single(k => (string?)k["resource"] == "daemonsets.apps");
        Assert.Equal("failed", (string?)daemonsets["outcome"]);
        Assert.Contains(root["findings"]!, f => (string?)f["ruleId"] == "KL0093" && ((string?)f["message"])!.Contains("deadline of 2 s", StringComparison.Ordinal));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(50), $"took {clock.Elapsed}"); // the request timeout alone is 60 s
        Assert.All(_server.Requests, r => Assert.Equal("GET", r.Method));

        Assert.Equal(ExitCodes.UsageError, CliRunner.Run("analyze", "--cluster", "--kubeconfig", _kubeconfig, "--timeout", "-1").ExitCode);
    }
}
