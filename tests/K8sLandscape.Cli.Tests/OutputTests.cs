using System.Text.RegularExpressions;
using K8sLandscape.Cli;
using K8sLandscape.TestSupport;
using Newtonsoft.Json.Linq;

namespace K8sLandscape.Cli.Tests;

/// <summary>Output people read in terminals and CI logs (issue 14), hostile text in it and internal errors (issue 12, items 14 and 15).</summary>
public partial class OutputTests
{
    private static string Samples => Corpus.InRepository("samples/cluster");

    private static string Repository => Path.GetDirectoryName(Path.GetDirectoryName(Samples))!;

    [Fact]
    public void Compact_writes_one_problem_matcher_line_per_active_finding()
    {
        using var dir = new TempFolder();
        var json = Path.Combine(dir.Path, "r.json");

        var run = CliProcess.Run(Repository, "analyze", "samples/cluster", "--format", "json", "--output", json, "--format", "compact");

        var active = JObject.Parse(File.ReadAllText(json))["findings"]!.Count(f => !(bool)f["suppressed"]!);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Equal(active, lines.Length);
        Assert.All(lines, l => Assert.Matches(CompactLine(), l));
        Assert.Contains(lines, l => l.StartsWith("samples/cluster/broken.yaml:14:1: error KL0011: tab character", StringComparison.Ordinal));
    }

    [Fact]
    public void GitHub_writes_workflow_commands_with_escaped_properties_and_data()
    {
        var run = CliProcess.Run(Repository, "analyze", "samples/cluster", "--format", "github");

        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.All(lines, l => Assert.Matches("^::(error|warning|notice) (file=[^,:]+,line=[0-9]+,col=[0-9]+,)?title=[^:,]+::[^\r\n]*$", l));
        Assert.Contains("::error file=samples/cluster/broken.yaml,line=14,col=1,title=KL0011%3A Tabs used for indentation::tab character", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("::warning ", StringComparison.Ordinal));
        Assert.Equal("100%25 a%0D%0Ab", Analyzers.Reporting.GitHubReportWriter.EscapeData("100% a\r\nb"));
        Assert.Equal("a%3A b%2C c%25 d\\x1b", Analyzers.Reporting.GitHubReportWriter.EscapeProperty("a: b, c% d\u001b"));
    }

    [Fact]
    public void The_text_report_names_the_rule_on_each_finding_line_and_pads_no_line_end()
    {
        using var dir = new TempFolder();
        var deep = string.Join('/', Enumerable.Range(0, 12).Select(i => "folder-with-a-long-name-" + i));
        var file = dir.Write(deep + "/storage.yaml", "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast, namespace: default}\nprovisioner: ebs.csi.aws.com\n");

        var run = CliProcess.RunWith(dir.Path, null, new Dictionary<string, string> { ["COLUMNS"] = "70" }, "analyze", file);

        var lines = run.Stdout.Split('\n');
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"  warning KL3101 {deep}/storage.yaml:3:", lines);
        Assert.All(lines, l => Assert.False(l.EndsWith(' '), $"trailing space: '{l}'"));
        // COLUMNS sets the width of the decorations; the path is longer and stays whole on one line.
        Assert.Contains(lines, l => l.StartsWith("── Storage", StringComparison.Ordinal) && l.Length == 70);
        Assert.Contains(lines, l => l.StartsWith("      StorageClass 'fast' sets", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_puts_the_fix_under_each_text_finding()
    {
        using var dir = new TempFolder();
        var file = dir.Write("sc.yaml", "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast, namespace: default}\nprovisioner: ebs.csi.aws.com\n");

        var plain = CliRunner.Run("analyze", file);
        var explained = CliRunner.Run("analyze", file, "--explain");

        Assert.DoesNotContain("fix: ", plain.Stdout, StringComparison.Ordinal);
        var fix = Regex.Match(explained.Stdout, @"\n      fix: (.+)\n");
        Assert.True(fix.Success, explained.Stdout);
        Assert.Contains("namespace", fix.Groups[1].Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules", "KL3001")]
    [InlineData("rules", "kl3001")]
    [InlineData("explain", "KL3001")]
    public void A_rule_page_says_what_why_and_how_to_fix(string command, string id)
    {
        var run = CliRunner.Run(command, id);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("KL3001: More than one default StorageClass\n", run.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        foreach (var section in new[] { "\nWhy it matters\n", "\nHow to fix\n", "\nHow to suppress\n", "Default severity    error", "Page: docs/rules/KL3001.md" })
            Assert.Contains(section, run.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("kubectl annotate storageclass", run.Stdout, StringComparison.Ordinal);

        var json = JObject.Parse(CliRunner.Run(command, id, "--format", "json").Stdout);
        Assert.StartsWith("Keep exactly one default", (string?)json["rule"]!["howToFix"], StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, CliRunner.Run(command, "KL9999").ExitCode);
    }

    [Fact]
    public void Sarif_rules_carry_the_whole_help_as_markdown()
    {
        var sarif = JObject.Parse(CliRunner.Run("analyze", Samples, "--format", "sarif").Stdout);

        var rule = sarif["runs"]![0]!["tool"]!["driver"]!["rules"]!.Single(r => (string?)r["id"] == "KL3001");
        var markdown = (string)rule["help"]!["markdown"]!;
        Assert.Contains("## Why it matters", markdown, StringComparison.Ordinal);
        Assert.Contains("## How to fix\n\nKeep exactly one default", markdown, StringComparison.Ordinal);
        Assert.Contains("## How to suppress", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("](../", markdown, StringComparison.Ordinal);
        Assert.Contains("How to fix: Keep exactly one default", (string)rule["help"]!["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_and_bidi_characters_from_the_input_never_reach_text_output()
    {
        using var dir = new TempFolder();
        // A name that would clear the screen, ring the bell and reverse the rest of the line; a C1 CSI too.
        const string hostile = "evil\u001b[2J\u0007\u202Egnp.exe\u009b31m";
        var file = dir.Write("m.yaml", $"apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {{name: \"{hostile}\", namespace: default}}\nprovisioner: \"p\\u001b[31m\"\n---\napiVersion: v1\nkind: \"Odd\\u001b]0;title\\u0007\"\nmetadata: {{name: x}}\n---\napiVersion: v1\nkind: Secret\nmetadata: {{name: \"\\u202e\"}}\nbad: [\n");

        foreach (var args in new[] { new[] { "analyze", file, "--format", "text" }, ["analyze", file, "--format", "compact"], ["load", file], ["inventory", file] })
        {
            var run = CliRunner.Run(args);
            foreach (var stream in new[] { run.Stdout, run.Stderr })
            {
                Assert.DoesNotMatch("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]", stream);
            }

            Assert.Contains("\\x1b", run.Stdout + run.Stderr, StringComparison.Ordinal);
        }

        Assert.Contains("evil\\x1b[2J\\x07\\u202egnp.exe\\x9b31m", CliRunner.Run("analyze", file).Stdout, StringComparison.Ordinal);
        // JSON keeps the name as it is (escaped by JSON's own rules, decoded intact).
        var json = JObject.Parse(CliRunner.Run("analyze", file, "--format", "json").Stdout);
        Assert.Contains(json["findings"]!, f => ((string?)f["message"])?.Contains(hostile, StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_very_long_name_is_shortened_in_text_and_kept_in_json()
    {
        using var dir = new TempFolder();
        var name = new string('a', 5000);
        var file = dir.Write("m.yaml", $"apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {{name: {name}, namespace: default}}\nprovisioner: p\n");

        var text = CliRunner.Run("analyze", file).Stdout;
        var json = CliRunner.Run("analyze", file, "--format", "json").Stdout;

        Assert.DoesNotContain(name, text, StringComparison.Ordinal);
        Assert.Matches(@"'a{50,}…a{8,}'\s+\(5002 chars\)", text);
        Assert.Contains(name, json, StringComparison.Ordinal);

        // The inventory lists the driver by its (hostile) name: shortened there too.
        var driver = dir.Write("d.yaml", $"apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {{name: s}}\nprovisioner: {new string('b', 5000)}\n");
        var inventory = CliRunner.Run("inventory", driver).Stdout;
        Assert.DoesNotContain(new string('b', 300), inventory, StringComparison.Ordinal);
        Assert.Matches(@"unrecognized: driver:b{50,}…b{8,} \(5007 chars\)", inventory);
    }

    [Fact]
    public void An_internal_error_exits_3_after_one_line_naming_the_input()
    {
        using var dir = new TempFolder();
        var file = dir.Write("m.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        using var stdout = new FailingWriter();
        using var stderr = new StringWriter();

        var code = CliApp.Run(["analyze", file], stdout, stderr);

        Assert.Equal(ExitCodes.InternalError, code);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"k8s-landscape: internal error while processing {file}: InvalidOperationException: the disk caught fire", line, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[^:\s]+:[0-9]+:[0-9]+: (error|warning|info) KL[0-9]{4}: \S.*$")]
    private static partial Regex CompactLine();

    /// <summary>A standard output that breaks: no writer of ours expects it, so it stands for any bug.</summary>
    private sealed class FailingWriter : StringWriter
    {
        public override void Write(char value) => throw new InvalidOperationException("the disk caught fire");

        public override void Write(string? value) => throw new InvalidOperationException("the disk caught fire");

        public override void Write(char[] buffer, int index, int count) => throw new InvalidOperationException("the disk caught fire");
    }
}
