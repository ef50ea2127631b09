using K8sLandscape.Cli;
using K8sLandscape.TestSupport;
using Newtonsoft.Json.Linq;

namespace K8sLandscape.Cli.Tests;

/// <summary><c>compare</c> through the command line: samples/cluster against a copy changed at test time.</summary>
public sealed class CompareCommandTests : IDisposable
{
    private static readonly string Samples = Corpus.InRepository("samples/cluster");
    private readonly TempFolder _temp = new();

    public CompareCommandTests()
    {
        // "prod": Calico one minor version on, the standard class's reclaim policy changed.
        Staging = Copy("staging");
        Prod = Copy("prod");
        Edit(Path.Combine(Prod, "network.yaml"), s => s.Replace("calico/node:v3.28.0", "calico/node:v3.29.1", StringComparison.Ordinal).Replace("calico/cni:v3.28.0", "calico/cni:v3.29.1", StringComparison.Ordinal));
        Edit(Path.Combine(Prod, "storage.yaml"), s => s.Replace("reclaimPolicy: Delete", "reclaimPolicy: Retain", StringComparison.Ordinal));
    }

    private string Staging { get; }

    private string Prod { get; }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Text_lists_the_version_change_per_extension_point_and_exits_0_without_must_match()
    {
        var run = CliRunner.Run("compare", Staging, Prod);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("A: staging (", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  [pod-network]\n      calico: 3.28.0 (A) -> 3.29.1 (B)\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("storageclass/standard.reclaimPolicy: Delete (A) -> Retain (B)", run.Stdout, StringComparison.Ordinal);
        // The same findings in both folders match although their paths differ.
        Assert.Contains("findings only in A: 0, only in B: 0.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Identical_inputs_differ_nowhere()
    {
        var run = CliRunner.Run("compare", Samples, Staging);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("0 extension point(s) differ (0 must match)", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("==", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_difference_at_a_must_match_point_exits_1_and_is_marked()
    {
        var config = _temp.Write("must.yaml", "compare:\n  mustMatch: [pod-network]\n");

        var run = CliRunner.Run("compare", Staging, Prod, "--config", config);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains("[pod-network]  <-- must match", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("(1 must match)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Must_match_points_that_agree_exit_0()
    {
        var config = _temp.Write("must.yaml", "compare:\n  mustMatch: [container-runtime, 'api-group:*']\n");

        var run = CliRunner.Run("compare", Staging, Prod, "--config", config);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("(0 must match)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_carries_sides_differences_and_setting_changes()
    {
        var config = _temp.Write("must.yaml", "compare:\n  mustMatch: [default-storage-class]\n");

        var run = CliRunner.Run("compare", Staging, Prod, "--format", "json", "--config", config);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        var root = JObject.Parse(run.Stdout);
        Assert.Equal("LandscapeComparison", (string?)root["kind"]);
        Assert.Equal("staging", (string?)root["a"]!["name"]);
        Assert.Equal(1, (int)root["mustMatchViolations"]!);
        var pod = root["differences"]!.Single(d => (string?)d["name"] == "pod-network");
        Assert.False((bool)pod["mustMatch"]!);
        var calico = pod["changed"]!.Single();
        Assert.Equal(new[] { "3.28.0" }, calico["versionsA"]!.Select(v => (string?)v));
        Assert.Equal(new[] { "3.29.1" }, calico["versionsB"]!.Select(v => (string?)v));
        var storage = root["differences"]!.Single(d => (string?)d["name"] == "default-storage-class");
        Assert.True((bool)storage["mustMatch"]!);
        var setting = storage["changed"]!.Single()["settings"]!.Single();
        Assert.Equal("storageclass/standard.reclaimPolicy", (string?)setting["key"]);
        Assert.Equal("Delete", (string?)setting["a"]);
        Assert.Equal("Retain", (string?)setting["b"]);
    }

    [Fact]
    public void Markdown_is_a_table_for_a_pull_request()
    {
        var run = CliRunner.Run("compare", Staging, Prod, "--format", "markdown");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("## Landscape comparison: staging (A) and prod (B)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("| area | extension point | must match | A | B |", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("| network | `pod-network` | no | calico 3.28.0 | calico 3.29.1 |", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_marks_must_match_rows_and_goes_to_the_output_file()
    {
        var config = _temp.Write("must.yaml", "compare:\n  mustMatch: [pod-network]\n");
        var file = Path.Combine(_temp.Path, "out", "compare.html");

        var run = CliRunner.Run("compare", Staging, Prod, "--format", "html", "--output", file, "--config", config);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        var html = File.ReadAllText(file);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"must\"><td>network</td><td><code>pod-network</code></td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_deterministic()
    {
        var first = CliRunner.Run("compare", Staging, Prod, "--format", "json").Stdout;
        var second = CliRunner.Run("compare", Staging, Prod, "--format", "json").Stdout;

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_saved_analyze_report_is_one_side()
    {
        var report = Path.Combine(_temp.Path, "prod-report.json");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("analyze", Prod, "--format", "json", "--output", report, "--fail-on", "none").ExitCode);

        var run = CliRunner.Run("compare", Staging, report);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("B: prod (", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("calico: 3.28.0 (A) -> 3.29.1 (B)", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("one-input")]
    [InlineData("three-inputs")]
    [InlineData("context-without-cluster")]
    [InlineData("missing-path")]
    [InlineData("bad-format")]
    [InlineData("bad-config")]
    public void Usage_errors_exit_2(string error)
    {
        var badConfig = _temp.Write("bad.yaml", "compare:\n  mustMatch: ['*pod']\n");
        string[] args = error switch
        {
            "one-input" => ["compare", Staging],
            "three-inputs" => ["compare", Staging, Prod, Samples],
            "context-without-cluster" => ["compare", Staging, "--context", "prod"],
            "missing-path" => ["compare", Staging, Path.Combine(_temp.Path, "nowhere")],
            "bad-format" => ["compare", Staging, Prod, "--format", "sarif"],
            _ => ["compare", Staging, Prod, "--config", badConfig],
        };

        var run = CliRunner.Run(args);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("error", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void A_malformed_saved_summary_is_a_located_usage_error()
    {
        var bad = _temp.Write("bad-summary.json", """{"kind":"LandscapeSummary","schemaVersion":"1.0","name":"x","source":"x","kubernetesVersion":"1.34","objects":1,"loadErrors":0,"extensionPoints":[{"area":"network"}],"components":[],"findings":[]}""");

        var run = CliRunner.Run("compare", Staging, bad);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("bad-summary.json: invalid landscape summary: extensionPoints[0].name must be a string", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_two_flannel_versions_and_a_cni_only_one_side_runs()
    {
        var canal = Corpus.Require("cni/calico/canal.yaml"); // calico v3.31.7 + flannel v0.24.4
        var flannel = Corpus.Require("cni/flannel/kube-flannel.yml"); // flannel v0.28.9
        var config = _temp.Write("must.yaml", "compare:\n  mustMatch: [pod-network]\n");

        var run = CliRunner.Run("compare", canal, flannel, "--format", "json", "--config", config);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        var root = JObject.Parse(run.Stdout);
        var pod = root["differences"]!.Single(d => (string?)d["name"] == "pod-network");
        Assert.True((bool)pod["mustMatch"]!);
        Assert.Contains(pod["onlyA"]!, i => (string?)i["id"] == "canal");
        Assert.Contains(pod["onlyB"]!, i => (string?)i["id"] == "flannel" && i["versions"]!.Select(v => (string?)v).SequenceEqual(new[] { "0.28.9" }));
    }

    [Fact]
    public void Corpus_two_metrics_servers_claim_one_api_service()
    {
        var adapter = Corpus.Require("installs/prometheus-adapter");
        var metrics = Corpus.Require("installs/microk8s-metrics-server");

        var run = CliRunner.Run("compare", adapter, metrics);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("[api-group:metrics.k8s.io]", run.Stdout, StringComparison.Ordinal);
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

    private static void Edit(string file, Func<string, string> change)
    {
        var before = File.ReadAllText(file);
        var after = change(before);
        Assert.NotEqual(before, after); // the fixture change must hit something
        File.WriteAllText(file, after);
    }
}
