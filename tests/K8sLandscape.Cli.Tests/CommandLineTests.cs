using K8sLandscape.Analyzers.Reporting;
using K8sLandscape.Cli;
using K8sLandscape.Loading;
using K8sLandscape.TestSupport;
using Newtonsoft.Json.Linq;

namespace K8sLandscape.Cli.Tests;

/// <summary>Options and arguments as kubectl and linter users type them (issue 14, "Options and arguments").</summary>
public class CommandLineTests
{
    private const string NamespacedStorageClass = """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata:
          name: fast
          namespace: default
        provisioner: ebs.csi.aws.com
        """;

    private static string Samples => Corpus.InRepository("samples/cluster");

    [Fact]
    public void A_mistyped_option_exits_2_with_a_suggestion_and_writes_no_report()
    {
        using var dir = new TempFolder();

        var run = CliProcess.Run(dir.Path, "analyze", Samples, "--fromat", "sarif", "--output", "k8s.sarif", "--fail-on", "none");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.StartsWith("error: unknown option '--fromat'; did you mean '--format'?", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.False(File.Exists(Path.Combine(dir.Path, "k8s.sarif")));
    }

    [Theory]
    [InlineData("analyze", "x.yaml")]
    [InlineData("load", "x.yaml")]
    [InlineData("inventory", "x.yaml")]
    [InlineData("catalog")]
    [InlineData("rules")]
    [InlineData("explain", "KL3001")]
    [InlineData("snapshot", "--output", "x.yaml")]
    public void Every_command_rejects_an_unknown_option(params string[] args)
    {
        var run = CliRunner.Run([.. args, "--fromat", "json"]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("error: unknown option '--fromat'; did you mean '--format'?", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void An_option_unlike_any_other_names_the_help_and_the_double_dash()
    {
        var run = CliRunner.Run("load", "--zzzzzz", "x.yaml");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("unknown option '--zzzzzz'; 'k8s-landscape load --help' lists the options", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("k8s-landscape load -- --zzzzzz", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("format", CommandLineChecks.Closest("--fromat", ["--format", "--fail-on"])?.TrimStart('-'));
        Assert.Null(CommandLineChecks.Closest("--zzzzzz", ["--format", "--fail-on"]));
    }

    [Fact]
    public void A_path_that_starts_with_a_dash_is_read_after_double_dash_and_a_lone_dash_stays_stdin()
    {
        using var dir = new TempFolder();
        dir.Write("-odd.yaml", NamespacedStorageClass);

        var without = CliProcess.Run(dir.Path, "load", "-odd.yaml");
        Assert.Equal(ExitCodes.UsageError, without.ExitCode);
        Assert.Contains("unknown option '-odd.yaml'", without.Stderr, StringComparison.Ordinal);

        var with = CliProcess.Run(dir.Path, "load", "--format", "json", "--", "-odd.yaml");
        Assert.Equal(ExitCodes.Success, with.ExitCode);
        Assert.Equal(1, (int)JObject.Parse(with.Stdout)["objectCount"]!);

        var stdin = CliProcess.RunWith(dir.Path, NamespacedStorageClass, null, "analyze", "-", "--format", "compact", "--fail-on", "warning");
        Assert.Equal(ExitCodes.Findings, stdin.ExitCode);
        Assert.StartsWith("-:5:1: warning KL3101: ", stdin.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-o", "json", "-o json' names the file to write, not a format: use '--format json' (kubectl's -o)")]
    [InlineData("--output", "SARIF", "'--output SARIF' names the file to write, not a format: use '--format sarif'")]
    [InlineData("-o", "yaml", "'-o yaml' names the file to write, not a format; to write a file named 'yaml', give './yaml'")]
    public void A_format_name_given_to_output_is_refused_and_no_file_is_written(string option, string value, string message)
    {
        using var dir = new TempFolder();

        var run = CliProcess.Run(dir.Path, "analyze", Samples, option, value);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));

        var explicitFile = CliProcess.Run(dir.Path, "analyze", Samples, "--format", "json", option, "./" + value);
        Assert.Equal(ExitCodes.Findings, explicitFile.ExitCode);
        Assert.Equal(JsonReportWriter.SchemaVersion, (string?)JObject.Parse(File.ReadAllText(Path.Combine(dir.Path, value)))["schemaVersion"]);
    }

    [Fact]
    public void Snapshot_refuses_a_format_name_as_its_output_too()
    {
        var run = CliRunner.Run("snapshot", "-o", "yaml");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("'-o yaml' names the file to write, not a format; to write a file named 'yaml', give './yaml'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshot_reads_the_cluster_without_the_cluster_option_and_its_json_summary_has_the_schema_version()
    {
        await using var server = await TestApiServer.TestApiServer.StartAsync([KubeObject.FromJson("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"n1"}}""")]);
        using var dir = new TempFolder();
        var kubeconfig = server.WriteKubeconfig(Path.Combine(dir.Path, "config"), "kind-test");
        var output = Path.Combine(dir.Path, "s.yaml");

        var run = CliRunner.Run("snapshot", "--kubeconfig", kubeconfig, "--output", output, "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var root = JObject.Parse(run.Stdout);
        Assert.Equal("schemaVersion", root.Properties().First().Name);
        Assert.Equal("1.0", (string?)root["schemaVersion"]);
        Assert.Contains(new ManifestLoader().Load(output).Objects, o => o.Kind == "Node" && o.Name == "n1");
    }

    [Fact]
    public void Kubernetes_version_on_the_command_line_wins_over_the_configuration()
    {
        using var dir = new TempFolder();
        var config = dir.Write("c.yaml", "kubernetesVersion: \"1.29\"\n");
        var file = dir.Write("m.yaml", NamespacedStorageClass);

        var fromConfig = JObject.Parse(CliRunner.Run("analyze", file, "--config", config, "--format", "json").Stdout);
        var fromOption = JObject.Parse(CliRunner.Run("analyze", file, "--config", config, "--kubernetes-version", "1.31", "--format", "json").Stdout);
        var inventory = JObject.Parse(CliRunner.Run("inventory", file, "--kubernetes-version", "1.30", "--format", "json").Stdout);
        var bad = CliRunner.Run("analyze", file, "--kubernetes-version", "latest");

        Assert.Equal("1.29", (string?)fromConfig["kubernetesVersion"]);
        Assert.Equal("1.31", (string?)fromOption["kubernetesVersion"]);
        Assert.Equal("1.30", (string?)inventory["kubernetesVersion"]);
        Assert.Equal(ExitCodes.UsageError, bad.ExitCode);
        Assert.Contains("--kubernetes-version 'latest' is not a Kubernetes version", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_ids_on_the_command_line_ignore_case()
    {
        using var dir = new TempFolder();
        var file = dir.Write("m.yaml", NamespacedStorageClass);

        var only = JObject.Parse(CliRunner.Run("analyze", file, "--rule", "kl3101", "--format", "json").Stdout);
        var excluded = JObject.Parse(CliRunner.Run("analyze", file, "--exclude-rule", "Kl3101", "--format", "json").Stdout);

        Assert.Equal(["KL3101"], only["findings"]!.Select(f => (string?)f["ruleId"]));
        Assert.Contains(only["rules"]!, r => (string?)r["id"] == "KL3101");
        Assert.DoesNotContain(only["rules"]!, r => (string?)r["id"] == "KL3001");
        Assert.Empty(excluded["findings"]!);
    }

    [Fact]
    public void Every_json_output_starts_with_the_same_schema_version()
    {
        using var dir = new TempFolder();
        var file = dir.Write("m.yaml", NamespacedStorageClass);

        foreach (var args in new[]
        {
            new[] { "analyze", file, "--format", "json" },
            ["load", file, "--format", "json"],
            ["inventory", file, "--format", "json"],
            ["catalog", "--format", "json"],
            ["rules", "--format", "json"],
            ["rules", "KL3001", "--format", "json"],
            ["compare", file, file, "--format", "json"],
            ["fleet", file, "--format", "json"],
        })
        {
            // One style everywhere: "major.minor" first; the analyze report is at 1.1 since it carries landscapeSummary.
            var root = JObject.Parse(CliRunner.Run(args).Stdout);
            Assert.Equal("schemaVersion", root.Properties().First().Name);
            Assert.Equal(args[0] == "analyze" ? "1.1" : "1.0", (string?)root["schemaVersion"]);
        }
    }

    [Fact]
    public void Every_problem_of_a_configuration_file_is_reported_at_once_with_line_column_and_key()
    {
        using var dir = new TempFolder();
        var config = dir.Write("c.yaml", "minimumSeverity: loud\nrules:\n  KL9998: { enabled: false }\n  KL3101: { severity: huge }\nexclude:\n  namespaces: [Not_A_Namespace]\n");

        var run = CliRunner.Run("analyze", Samples, "--config", config);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("(4 problems)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{config}:1:18: minimumSeverity: 'loud' is not a severity", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{config}:3:3: rules.KL9998: unknown rule id 'KL9998'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{config}:4:23: rules.KL3101.severity: 'huge' is not a severity", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{config}:6:16: exclude.namespaces: 'Not_A_Namespace' is not a namespace name", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Commands_print_a_path_the_same_way()
    {
        using var dir = new TempFolder();
        var file = dir.Write("sub/bad.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {}\n");
        dir.Write("sub/sc.yaml", "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: s}\nprovisioner: p\n");

        var load = CliProcess.Run(dir.Path, "load", file);
        var inventory = CliProcess.Run(dir.Path, "inventory", Path.Combine(dir.Path, "sub"));
        var analyze = CliProcess.Run(dir.Path, "analyze", file, "--format", "compact");

        // Given absolute or relative, a file below the working folder is shown relative to it.
        Assert.Contains("sub/bad.yaml:3:11: KL0007: ", load.Stdout, StringComparison.Ordinal);
        Assert.Contains("sub/bad.yaml:3:11: KL0007: ", inventory.Stderr, StringComparison.Ordinal);
        Assert.Contains("unrecognized: driver:p (1 object(s)) at sub/sc.yaml:1:1", inventory.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("sub/bad.yaml:3:11: error KL0007: ", analyze.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(dir.Path, load.Stdout + inventory.Stdout + inventory.Stderr + analyze.Stdout, StringComparison.Ordinal);
    }
}
