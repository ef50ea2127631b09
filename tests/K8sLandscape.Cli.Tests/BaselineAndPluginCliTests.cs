using K8sLandscape.Cli;
using K8sLandscape.TestSupport;
using Newtonsoft.Json.Linq;

namespace K8sLandscape.Cli.Tests;

public class BaselineAndPluginCliTests
{
    // KL3001 (error): two default StorageClasses, gp3 and standard.
    private const string TwoDefaults = """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata:
          name: gp3
          annotations: {storageclass.kubernetes.io/is-default-class: "true"}
        provisioner: ebs.csi.aws.com
        ---
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata:
          name: standard
          annotations: {storageclass.kubernetes.io/is-default-class: "true"}
        provisioner: rancher.io/local-path
        """;

    // KL1101 (error): a RuntimeClass handler that is not a DNS label; an independent new problem.
    private const string BadRuntimeClass = """
        ---
        apiVersion: node.k8s.io/v1
        kind: RuntimeClass
        metadata: {name: sandboxed}
        handler: Not_A_Label
        """;

    private static string Samples => Corpus.InRepository("samples/cluster");

    private static string PluginPath
    {
        get
        {
            // The sample plugin is built with the tests (a project reference without the assembly), in the same configuration.
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var path = Corpus.InRepository($"samples/plugins/Acme.Rules/bin/{configuration}/net10.0/Acme.Rules.dll");
            Assert.True(File.Exists(path), $"build samples/plugins/Acme.Rules first ({path})");
            return path;
        }
    }

    [Fact]
    public void A_baseline_accepts_todays_findings_when_lines_move_and_fails_only_on_a_new_one()
    {
        using var dir = new TempFolder();
        var manifests = dir.Write("cluster.yaml", TwoDefaults);
        var baseline = Path.Combine(dir.Path, "ci", "baseline.json");

        var write = CliRunner.Run("analyze", manifests, "--write-baseline", baseline);
        Assert.Equal(ExitCodes.Success, write.ExitCode);
        Assert.Contains("KL3001", write.Stdout, StringComparison.Ordinal);
        Assert.Contains($"wrote baseline {baseline} with 1 finding(s)", write.Stderr, StringComparison.Ordinal);
        Assert.Equal("KL3001", (string?)JObject.Parse(File.ReadAllText(baseline))["findings"]![0]!["ruleId"]);

        // Lines move: a comment and blank lines above the same objects.
        File.WriteAllText(manifests, "# reviewed 2026-12-03\n\n\n" + TwoDefaults);
        var moved = CliRunner.Run("analyze", manifests, "--baseline", baseline);
        Assert.Equal(ExitCodes.Success, moved.ExitCode);
        Assert.DoesNotContain("KL3001", moved.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 new, 1 unchanged, 0 absent", moved.Stderr, StringComparison.Ordinal);

        // A new conflict appears: it alone is reported and fails the run.
        File.AppendAllText(manifests, "\n" + BadRuntimeClass);
        var sarif = Path.Combine(dir.Path, "r.sarif");
        var added = CliRunner.Run("analyze", manifests, "--baseline", baseline, "--format", "text", "--format", "sarif", "--output", "-", "--output", sarif);
        Assert.Equal(ExitCodes.Findings, added.ExitCode);
        Assert.Contains("KL1101", added.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("KL3001", added.Stdout, StringComparison.Ordinal);
        var states = JObject.Parse(File.ReadAllText(sarif))["runs"]![0]!["results"]!
            .Select(r => $"{r["ruleId"]} {r["baselineState"]}").ToArray();
        Assert.Equal(["KL1101 new", "KL3001 unchanged"], states);
    }

    [Fact]
    public void A_fixed_finding_is_absent_in_sarif_and_the_run_passes()
    {
        using var dir = new TempFolder();
        var manifests = dir.Write("cluster.yaml", TwoDefaults);
        var baseline = Path.Combine(dir.Path, "baseline.json");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("analyze", manifests, "--write-baseline", baseline).ExitCode);

        File.WriteAllText(manifests, TwoDefaults.Replace("is-default-class: \"true\"}\nprovisioner: rancher", "is-default-class: \"false\"}\nprovisioner: rancher", StringComparison.Ordinal));
        var sarif = Path.Combine(dir.Path, "r.sarif");
        var run = CliRunner.Run("analyze", manifests, "--baseline", baseline, "--format", "sarif", "--output", sarif);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var result = Assert.Single(JObject.Parse(File.ReadAllText(sarif))["runs"]![0]!["results"]!);
        Assert.Equal(("KL3001", "absent"), ((string?)result["ruleId"], (string?)result["baselineState"]));
    }

    [Fact]
    public void A_missing_or_broken_baseline_is_a_usage_error_with_its_line()
    {
        using var dir = new TempFolder();
        var manifests = dir.Write("cluster.yaml", TwoDefaults);
        var broken = dir.Write("baseline.json", "{\n  \"findings\": [\n    {\"ruleId\": \"KL3001\", \"fingerprint\": \"xyz\"}\n  ]\n}\n");

        var missing = CliRunner.Run("analyze", manifests, "--baseline", Path.Combine(dir.Path, "none.json"));
        var bad = CliRunner.Run("analyze", manifests, "--baseline", broken);

        Assert.Equal(ExitCodes.UsageError, missing.ExitCode);
        Assert.Contains("none.json does not exist", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, bad.ExitCode);
        Assert.Contains($"{broken}:3:", bad.Stderr, StringComparison.Ordinal);
        Assert.Contains("findings[0].fingerprint", bad.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, bad.Stdout);
    }

    [Fact]
    public void An_ignore_entry_in_the_configuration_keeps_the_finding_suppressed_with_its_reason()
    {
        using var dir = new TempFolder();
        var manifests = dir.Write("cluster.yaml", TwoDefaults);
        var config = dir.Write("k8s-landscape.yaml", """
            ignore:
              - rule: KL3001
                kind: StorageClass
                name: "stand*"
                reason: local-path is the default only on developer clusters
            """);

        var run = CliRunner.Run("analyze", manifests, "--config", config, "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var finding = Assert.Single(JObject.Parse(run.Stdout)["findings"]!, f => (string?)f["ruleId"] == "KL3001");
        Assert.True((bool)finding["suppressed"]!);
        Assert.Equal("local-path is the default only on developer clusters", (string?)finding["suppressionReason"]);
    }

    [Fact]
    public void An_ignore_entry_without_a_reason_or_with_an_unknown_rule_is_a_usage_error_naming_line_and_key()
    {
        using var dir = new TempFolder();
        var manifests = dir.Write("cluster.yaml", TwoDefaults);
        var noReason = dir.Write("a.yaml", "ignore:\n  - rule: KL3001\n    name: gp3\n");
        var unknownRule = dir.Write("b.yaml", "ignore:\n  - rule: KL3999\n    reason: typo\n");

        var a = CliRunner.Run("analyze", manifests, "--config", noReason);
        var b = CliRunner.Run("analyze", manifests, "--config", unknownRule);

        Assert.Equal(ExitCodes.UsageError, a.ExitCode);
        Assert.Contains($"{noReason}:2:5: ignore[0].reason: is required", a.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, b.ExitCode);
        Assert.Contains($"{unknownRule}:2:5: ignore[0].rule: unknown rule id 'KL3999'", b.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_plugin_loads_and_its_rule_fires_on_the_sample_cluster_in_its_own_area()
    {
        var run = CliRunner.Run("analyze", Samples, "--plugin", PluginPath, "--format", "json", "--fail-on", "none");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var acme = JObject.Parse(run.Stdout)["findings"]!.Where(f => (string?)f["ruleId"] == "ACME100").ToArray();
        // samples/README.md: 4 DaemonSets and 3 Deployments, none labelled with a team.
        Assert.Equal(7, acme.Length);
        Assert.All(acme, f => Assert.Equal("governance", (string?)f["area"]));
        Assert.Contains(acme, f => (string?)f["message"] == "DaemonSet 'calico-node' has no 'acme.example/team' label");
    }

    [Fact]
    public void Plugins_in_the_configuration_are_loaded_and_their_rules_read_their_options()
    {
        using var dir = new TempFolder();
        // Relative to the configuration file's folder, not to the working folder.
        var plugin = Path.GetRelativePath(dir.Path, PluginPath).Replace('\\', '/');
        var config = dir.Write("k8s-landscape.yaml", $"""
            plugins: ["{plugin}"]
            rules:
              ACME100:
                severity: error
                options:
                  kinds: [Deployment]
                  labels: [acme.example/cost-center]
            """);

        var run = CliRunner.Run("analyze", Samples, "--config", config, "--rule", "ACME100", "--format", "json");

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        var acme = JObject.Parse(run.Stdout)["findings"]!.Where(f => (string?)f["ruleId"] == "ACME100").ToArray();
        Assert.Equal(3, acme.Length);
        Assert.All(acme, f => Assert.Matches("^Deployment '.+' has no 'acme.example/cost-center' label$", (string?)f["message"]));
        Assert.All(acme, f => Assert.Equal("error", (string?)f["severity"]));
    }

    [Fact]
    public void A_plugin_option_the_rule_does_not_know_is_a_usage_error_naming_line_and_key()
    {
        using var dir = new TempFolder();
        var config = dir.Write("k8s-landscape.yaml", """
            rules:
              ACME100:
                options:
                  colour: blue
            """);

        var run = CliRunner.Run("analyze", Samples, "--config", config, "--plugin", PluginPath);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains($"{config}:4:7: rules.ACME100.options.colour: unknown option 'colour'; expected one of kinds, labels", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_rule_in_the_configuration_without_the_plugin_is_an_unknown_rule_and_a_missing_plugin_is_named()
    {
        using var dir = new TempFolder();
        var config = dir.Write("k8s-landscape.yaml", "rules:\n  ACME100: { severity: error }\n");

        var withoutPlugin = CliRunner.Run("analyze", Samples, "--config", config);
        var missing = CliRunner.Run("analyze", Samples, "--plugin", Path.Combine(dir.Path, "Nope.dll"));

        Assert.Equal(ExitCodes.UsageError, withoutPlugin.ExitCode);
        Assert.Contains("rules.ACME100: unknown rule id 'ACME100'", withoutPlugin.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, missing.ExitCode);
        Assert.Contains("Nope.dll does not exist", missing.Stderr, StringComparison.Ordinal);
    }
}
