using K8sLandscape.Cli;
using K8sLandscape.Loading;
using K8sLandscape.TestSupport;
using Newtonsoft.Json.Linq;

namespace K8sLandscape.Cli.Tests;

/// <summary><c>fleet</c> through the command line: folders, a saved report and two kubeconfig contexts.</summary>
public sealed class FleetCommandTests : IDisposable
{
    private static readonly string Samples = Corpus.InRepository("samples/cluster");
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Three clusters: two copies of the sample and one whose Calico is a version on.</summary>
    private (string A, string B, string Odd) Fleet()
    {
        var a = Copy("eu-1");
        var b = Copy("eu-2");
        var odd = Copy("us-1");
        var network = Path.Combine(odd, "network.yaml");
        File.WriteAllText(network, File.ReadAllText(network).Replace(":v3.28.0", ":v3.29.1", StringComparison.Ordinal));
        return (a, b, odd);
    }

    [Fact]
    public void Text_shows_cells_marks_the_odd_one_and_gives_fragmentation()
    {
        var (a, b, odd) = Fleet();

        var run = CliRunner.Run("fleet", a, b, odd);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("Fleet of 3 cluster(s): ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  [pod-network] in 3/3; 2 implementation(s), 3 version(s), 2 variant(s); fragmentation 0.333\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("      eu-1  calico 3.28.0; flannel 0.25.1\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("    * us-1  calico 3.29.1; flannel 0.25.1\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  [container-runtime] in 3/3; 2 implementation(s), 2 version(s), 1 variant(s); fragmentation 0.000\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("== findings per cluster", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("KL5006 x1", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_carries_clusters_cells_and_figures()
    {
        var (a, b, odd) = Fleet();

        var run = CliRunner.Run("fleet", a, b, odd, "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var root = JObject.Parse(run.Stdout);
        Assert.Equal("FleetMatrix", (string?)root["kind"]);
        Assert.Equal(new[] { "eu-1", "eu-2", "us-1" }, root["clusters"]!.Select(c => (string?)c["name"]));
        Assert.Equal(2, (int)root["fragmentedPoints"]!); // pod-network and network-policy: Calico is both
        Assert.Equal(2, (int)root["oddCells"]!);
        var pod = root["extensionPoints"]!.Single(p => (string?)p["name"] == "pod-network");
        Assert.Equal(0.333, (double)pod["fragmentation"]!);
        Assert.Equal(new[] { false, false, true }, pod["cells"]!.Select(c => (bool)c["odd"]!));
        Assert.Equal("calico 3.29.1; flannel 0.25.1", (string?)pod["cells"]![2]!["value"]);
        var kl5006 = root["clusters"]![0]!["rules"]!.Single(r => (string?)r["ruleId"] == "KL5006");
        // The sample's two ConfigMap copies differ only in Helm's labels and annotations: an ownership warning.
        Assert.Equal("warning", (string?)kl5006["severity"]);
        Assert.Equal(1, (int)kl5006["count"]!);
    }

    [Fact]
    public void Markdown_and_html_carry_the_same_matrix_with_odd_cells_marked()
    {
        var (a, b, odd) = Fleet();

        var md = CliRunner.Run("fleet", a, b, odd, "--format", "markdown");
        var html = CliRunner.Run("fleet", a, b, odd, "--format", "html");

        Assert.Equal(ExitCodes.Success, md.ExitCode);
        Assert.Contains("| network | `pod-network` | 2 | 3 | 0.333 | calico 3.28.0; flannel 0.25.1 | calico 3.28.0; flannel 0.25.1 | **calico 3.29.1; flannel 0.25.1** |", md.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, html.ExitCode);
        Assert.Contains("<td class=\"odd\" title=\"calico 3.29.1", html.Stdout, StringComparison.Ordinal);
        Assert.Contains("<th title=", html.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Saved_reports_and_duplicate_names_are_clusters_too()
    {
        var (a, _, odd) = Fleet();
        var report = Path.Combine(_temp.Path, "reports", "us-1.json");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("analyze", odd, "--format", "json", "--output", report, "--fail-on", "none").ExitCode);

        var run = CliRunner.Run("fleet", a, report, a, "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var root = JObject.Parse(run.Stdout);
        Assert.Equal(new[] { "eu-1", "us-1", "eu-1 (2)" }, root["clusters"]!.Select(c => (string?)c["name"]));
        var pod = root["extensionPoints"]!.Single(p => (string?)p["name"] == "pod-network");
        Assert.Equal("calico 3.29.1; flannel 0.25.1", (string?)pod["cells"]![1]!["value"]);
    }

    [Fact]
    public void A_cluster_without_a_point_has_an_empty_odd_cell()
    {
        var (a, b, _) = Fleet();
        var bare = _temp.Write("bare/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n");

        var run = CliRunner.Run("fleet", a, b, Path.GetDirectoryName(bare)!, "--format", "json");

        var pod = JObject.Parse(run.Stdout)["extensionPoints"]!.Single(p => (string?)p["name"] == "pod-network");
        Assert.Equal(JTokenType.Null, pod["cells"]![2]!["value"]!.Type);
        Assert.True((bool)pod["cells"]![2]!["odd"]!);
        Assert.Equal(2, (int)pod["present"]!);
    }

    [Theory]
    [InlineData("no-inputs")]
    [InlineData("missing-path")]
    [InlineData("context-without-cluster")]
    [InlineData("bad-format")]
    public void Usage_errors_exit_2(string error)
    {
        string[] args = error switch
        {
            "no-inputs" => ["fleet"],
            "missing-path" => ["fleet", Samples, Path.Combine(_temp.Path, "nowhere")],
            "context-without-cluster" => ["fleet", Samples, "--context", "x"],
            _ => ["fleet", Samples, "--format", "junit"],
        };

        var run = CliRunner.Run(args);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void Corpus_cni_installs_make_a_fragmented_fleet()
    {
        var calico = Corpus.Require("cni/calico/calico.yaml");
        var canal = Corpus.Require("cni/calico/canal.yaml");
        var flannel = Corpus.Require("cni/flannel/kube-flannel.yml");

        var run = CliRunner.Run("fleet", calico, canal, flannel, "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var pod = JObject.Parse(run.Stdout)["extensionPoints"]!.Single(p => (string?)p["name"] == "pod-network");
        Assert.Equal(3, (int)pod["variants"]!);
        Assert.Equal("calico 3.31.7", (string?)pod["cells"]![0]!["value"]);
        Assert.Equal("flannel 0.28.9", (string?)pod["cells"]![2]!["value"]);
        Assert.Equal(0.667, (double)pod["fragmentation"]!);
    }

    [Fact]
    public async Task Two_kubeconfig_contexts_are_two_clusters_for_fleet_and_compare()
    {
        await using var first = await TestApiServer.TestApiServer.StartAsync(
        [
            KubeObject.FromJson("""{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"calico-node","namespace":"kube-system"},"spec":{"template":{"spec":{"containers":[{"name":"c","image":"docker.io/calico/node:v3.27.0"}]}}}}"""),
        ]);
        await using var second = await TestApiServer.TestApiServer.StartAsync(
        [
            KubeObject.FromJson("""{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"calico-node","namespace":"kube-system"},"spec":{"template":{"spec":{"containers":[{"name":"c","image":"docker.io/calico/node:v3.28.2"}]}}}}"""),
        ]);
        var kubeconfig = _temp.Write("kubeconfig", $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: one
              cluster:
                server: {first.BaseAddress.GetLeftPart(UriPartial.Authority)}
            - name: two
              cluster:
                server: {second.BaseAddress.GetLeftPart(UriPartial.Authority)}
            contexts:
            - name: staging
              context:
                cluster: one
                user: u
            - name: prod
              context:
                cluster: two
                user: u
            current-context: staging
            users:
            - name: u
              user:
                token: test-token

            """);
        var config = _temp.Write("must.yaml", "compare:\n  mustMatch: [pod-network]\n");

        var fleet = CliRunner.Run("fleet", "--cluster", "--kubeconfig", kubeconfig, "--context", "staging", "--context", "prod", "--no-pods");
        var compare = CliRunner.Run("compare", "--cluster", "--kubeconfig", kubeconfig, "--context", "staging", "--context", "prod", "--no-pods", "--config", config);

        Assert.Equal(ExitCodes.Success, fleet.ExitCode);
        Assert.Contains("      staging  calico 3.27.0\n", fleet.Stdout, StringComparison.Ordinal);
        Assert.Contains("    * prod     calico 3.28.2\n", fleet.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Findings, compare.ExitCode);
        Assert.Contains("A: staging (context:staging,", compare.Stdout, StringComparison.Ordinal);
        Assert.Contains("calico: 3.27.0 (A) -> 3.28.2 (B)", compare.Stdout, StringComparison.Ordinal);
    }

    private string Copy(string name)
    {
        var target = Path.Combine(_temp.Path, name);
        foreach (var file in Directory.GetFiles(Samples, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(Samples, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }
}
