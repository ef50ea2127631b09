using Newtonsoft.Json.Linq;

namespace K8sLandscape.Cli.Tests;

public class LoadCommandTests
{
    private const string TwoObjects = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: b}
        """;

    [Fact]
    public void Clean_input_exits_0_and_counts_kinds()
    {
        using var dir = new TempFolder();
        var file = dir.Write("ok.yaml", TwoObjects);

        var run = CliRunner.Run("load", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Loaded 2 object(s) of 2 kind(s)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("apps/v1/DaemonSet", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_diagnostics_exit_1_and_print_file_line_column_code()
    {
        using var dir = new TempFolder();
        var file = dir.Write("bad.yaml", TwoObjects + "\n---\napiVersion: v1\nkind: Secret\nmetadata: {}\n");

        var run = CliRunner.Run("load", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{file.Replace('\\', '/')}:11:11: KL0007:", run.Stdout, StringComparison.Ordinal); // at the empty metadata mapping
    }

    [Fact]
    public void Json_format_has_the_documented_fields()
    {
        using var dir = new TempFolder();
        var file = dir.Write("mixed.yaml", TwoObjects + "\n---\nkind: Pod\nmetadata: {name: p}\n");

        var run = CliRunner.Run("load", file, "--format", "json");
        var json = JObject.Parse(run.Stdout);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(2, (int)json["objectCount"]!);
        Assert.Equal(1, (int)json["kinds"]!["v1/ConfigMap"]!);
        Assert.Equal(1, (int)json["kinds"]!["apps/v1/DaemonSet"]!);
        var d = Assert.Single((JArray)json["diagnostics"]!);
        Assert.Equal("KL0006", (string)d["code"]!);
        Assert.Equal("error", (string)d["severity"]!);
        Assert.Equal(9, (int)d["line"]!);
        Assert.Equal(1, (int)d["column"]!);
        Assert.EndsWith("mixed.yaml", (string)d["path"]!, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty((string)d["message"]!));
    }

    [Theory]
    [InlineData("load")]
    [InlineData("load", "x.yaml", "--format", "xml")]
    [InlineData("no-such-command")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var run = CliRunner.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_byte_identical_across_runs()
    {
        using var dir = new TempFolder();
        dir.Write("a.yaml", TwoObjects);
        dir.Write("sub/b.yaml", TwoObjects.Replace("name: a", "name: c", StringComparison.Ordinal) + "\n---\n- 1\n");

        var first = CliRunner.Run("load", dir.Path, "--format", "json");
        var second = CliRunner.Run("load", dir.Path, "--format", "json");

        Assert.Equal(first.Stdout, second.Stdout);
    }
}
