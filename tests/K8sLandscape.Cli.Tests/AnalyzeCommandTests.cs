using System.Xml.Linq;
using K8sLandscape.Cli;
using K8sLandscape.TestSupport;
using Newtonsoft.Json.Linq;

namespace K8sLandscape.Cli.Tests;

public class AnalyzeCommandTests
{
    // KL3101 (warning): a StorageClass is cluster-scoped; metadata.namespace is on line 5.
    private const string NamespacedStorageClass = """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata:
          name: fast
          namespace: default
        provisioner: ebs.csi.aws.com
        """;

    private const string CleanConfigMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a, namespace: b}
        """;

    private static string Samples => Corpus.InRepository("samples/cluster");

    [Fact]
    public void Samples_exit_1_and_show_the_malformed_documents_with_file_and_line()
    {
        var run = CliRunner.Run("analyze", Samples);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        // samples/README.md, planted problem 9: a tab on line 14 (KL0011), a Service without a name reported at line 21 (KL0007).
        Assert.Contains("KL0011 Tabs used for indentation (1)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("broken.yaml:14: tab character used for indentation", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("KL0007 Document lacks metadata.name (1)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("broken.yaml:21: Service has no 'metadata.name'", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Stdout);
    }

    [Fact]
    public void Fail_on_sets_the_threshold_and_none_never_fails()
    {
        using var dir = new TempFolder();
        var file = dir.Write("warn.yaml", NamespacedStorageClass);

        Assert.Equal(ExitCodes.Success, CliRunner.Run("analyze", file).ExitCode);
        var warning = CliRunner.Run("analyze", file, "--fail-on", "warning");
        Assert.Equal(ExitCodes.Findings, warning.ExitCode);
        Assert.Contains("warn.yaml:5: ", warning.Stdout, StringComparison.Ordinal);
        Assert.Contains("KL3101", warning.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Findings, CliRunner.Run("analyze", file, "--fail-on", "info").ExitCode);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("analyze", Samples, "--fail-on", "none").ExitCode);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("analyze", dir.Write("ok.yaml", CleanConfigMap), "--fail-on", "info").ExitCode);
    }

    [Fact]
    public void Min_severity_leaves_findings_out_and_they_no_longer_fail_the_run()
    {
        using var dir = new TempFolder();
        var file = dir.Write("warn.yaml", NamespacedStorageClass);

        var run = CliRunner.Run("analyze", file, "--fail-on", "warning", "--min-severity", "error", "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Empty((JArray)JObject.Parse(run.Stdout)["findings"]!);
    }

    [Fact]
    public void Suppressed_findings_never_fail_the_run()
    {
        using var dir = new TempFolder();
        var file = dir.Write("suppressed.yaml", NamespacedStorageClass.Replace("  namespace: default", "  namespace: default\n  annotations:\n    k8s-landscape.io/ignore: KL3101\n    k8s-landscape.io/ignore-reason: legacy chart", StringComparison.Ordinal));

        var run = CliRunner.Run("analyze", file, "--fail-on", "info", "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var finding = Assert.Single((JArray)JObject.Parse(run.Stdout)["findings"]!);
        Assert.Equal("KL3101", (string?)finding["ruleId"]);
        Assert.True((bool)finding["suppressed"]!);
        Assert.Equal("legacy chart", (string?)finding["suppressionReason"]);
    }

    [Fact]
    public void Formats_pair_with_outputs_in_order_and_the_one_without_goes_to_stdout()
    {
        using var dir = new TempFolder();
        var json = Path.Combine(dir.Path, "out", "r.json");
        var sarif = Path.Combine(dir.Path, "out", "r.sarif");
        var junit = Path.Combine(dir.Path, "r.xml");

        var run = CliRunner.Run("analyze", Samples, "--format", "json", "--output", json, "--format", "sarif", "--output", sarif, "--format", "junit", "--output", junit, "--format", "markdown");

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Equal("1.1", (string?)JObject.Parse(File.ReadAllText(json))["schemaVersion"]);
        Assert.Equal("2.1.0", (string?)JObject.Parse(File.ReadAllText(sarif))["version"]);
        Assert.Equal("testsuites", XDocument.Load(junit).Root!.Name.LocalName);
        // The markdown went to standard output and tells the same run as the JSON file.
        var errors = JObject.Parse(File.ReadAllText(json))["findings"]!.Count(f => (string?)f["severity"] == "error" && !(bool)f["suppressed"]!);
        Assert.True(errors > 0);
        Assert.StartsWith($"## ❌ k8s-landscape: {errors} errors", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "json", "--format", "sarif")]
    [InlineData("--format", "json", "--output", "a.json", "--output", "b.json")]
    [InlineData("--format", "yaml")]
    [InlineData("--fail-on", "fatal")]
    [InlineData("--rule", "KL9999")]
    [InlineData("--exclude-rule", "NOPE001")]
    [InlineData("--kubeconfig", "x")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var run = CliRunner.Run(["analyze", Samples, .. args]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.StartsWith("error: ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void Unknown_rule_id_is_named()
    {
        var run = CliRunner.Run("analyze", Samples, "--rule", "KL0002", "--rule", "KL9999");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("unknown rule id(s) in --rule: KL9999;", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_and_exclude_rule_select_what_runs_and_load_problems_stay()
    {
        using var dir = new TempFolder();
        var file = dir.Write("warn.yaml", NamespacedStorageClass + "\n---\napiVersion: v1\nkind: Secret\nmetadata: {}\n");

        var only = JObject.Parse(CliRunner.Run("analyze", file, "--rule", "KL6102", "--format", "json").Stdout);
        Assert.Equal(["KL0007"], only["findings"]!.Select(f => (string?)f["ruleId"]));
        Assert.DoesNotContain(only["rules"]!, r => (string?)r["id"] == "KL3101");
        Assert.Contains(only["rules"]!, r => (string?)r["id"] == "KL6102");

        var excluded = JObject.Parse(CliRunner.Run("analyze", file, "--exclude-rule", "KL0007", "--format", "json").Stdout);
        Assert.Equal(["KL3101"], excluded["findings"]!.Select(f => (string?)f["ruleId"]));
    }

    [Fact]
    public void A_bad_config_file_exits_2_naming_file_line_and_key()
    {
        using var dir = new TempFolder();
        var config = dir.Write("bad.yaml", "minimumSeverity: loud\nrules:\n  KL3101: { severity: warning }\n");

        var run = CliRunner.Run("analyze", Samples, "--config", config);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains($"{config}:1:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("minimumSeverity", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_naming_an_unknown_rule_or_a_missing_config_exits_2()
    {
        using var dir = new TempFolder();
        var config = dir.Write("c.yaml", "rules:\n  KL9998: { enabled: false }\n");

        var unknown = CliRunner.Run("analyze", Samples, "--config", config);
        Assert.Equal(ExitCodes.UsageError, unknown.ExitCode);
        Assert.Contains("KL9998", unknown.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{config}:2:", unknown.Stderr, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.UsageError, CliRunner.Run("analyze", Samples, "--config", Path.Combine(dir.Path, "absent.yaml")).ExitCode);
    }

    [Fact]
    public void Config_sets_kubernetes_version_severities_and_user_catalog()
    {
        using var dir = new TempFolder();
        dir.Write("catalog.yaml", """
            components:
              - id: acme-cni
                name: ACME CNI
                category: cni
                provides: [pod-network]
                fingerprints:
                  workloads: [acme-cni-ds]
            """);
        var config = dir.Write("c.yaml", "kubernetesVersion: \"1.29\"\ncatalog: [catalog.yaml]\nrules:\n  KL3101: { severity: error }\n");
        var file = dir.Write("m.yaml", NamespacedStorageClass + "\n---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: acme-cni-ds, namespace: kube-system}\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: registry.acme.example/acme-cni:1.0}]\n");

        var run = CliRunner.Run("analyze", file, "--config", config, "--format", "json");

        Assert.Equal(ExitCodes.Findings, run.ExitCode); // KL3101 raised to error
        var root = JObject.Parse(run.Stdout);
        Assert.Equal("1.29", (string?)root["kubernetesVersion"]);
        Assert.Equal("error", (string?)root["findings"]![0]!["severity"]);
        Assert.Contains(root["inventory"]!["components"]!, c => (string?)c["id"] == "acme-cni");
    }

    [Fact]
    public void A_bad_user_catalog_exits_2_with_the_catalog_diagnostics()
    {
        using var dir = new TempFolder();
        dir.Write("catalog.yaml", "components:\n  - id: x\n    category: cni\n");
        var config = dir.Write("c.yaml", "catalog: [catalog.yaml]\n");

        var run = CliRunner.Run("analyze", Samples, "--config", config);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("invalid catalog file(s)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("catalog.yaml", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_format_is_byte_identical_across_runs()
    {
        using var dir = new TempFolder();
        foreach (var format in K8sLandscape.Analyzers.Reporting.ReportFormats.Names)
        {
            var a = Path.Combine(dir.Path, "a." + format);
            var b = Path.Combine(dir.Path, "b." + format);
            CliRunner.Run("analyze", Samples, "--format", format, "--output", a);
            CliRunner.Run("analyze", Samples, "--format", format, "--output", b);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
            Assert.True(new FileInfo(a).Length > 200, format);
        }
    }

    [Fact]
    public void The_built_tool_reads_stdin_and_finds_the_config_in_its_working_folder()
    {
        using var dir = new TempFolder();

        var withoutConfig = CliProcess.RunWith(dir.Path, NamespacedStorageClass, null, "analyze", "-", "--fail-on", "warning");
        Assert.Equal(ExitCodes.Findings, withoutConfig.ExitCode);
        Assert.Contains("-:5: ", withoutConfig.Stdout, StringComparison.Ordinal);

        dir.Write(".k8s-landscape.yaml", "rules:\n  KL3101: { enabled: false }\n");
        var withConfig = CliProcess.RunWith(dir.Path, NamespacedStorageClass, null, "analyze", "-", "--fail-on", "warning");
        Assert.Equal(ExitCodes.Success, withConfig.ExitCode);
        Assert.Contains("No findings", withConfig.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, withConfig.Stderr);
    }
}
