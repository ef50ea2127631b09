using K8sLandscape.Cli;
using Newtonsoft.Json.Linq;

namespace K8sLandscape.Analyzers.Tests;

public class RulesCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Json_lists_every_rule_sorted_by_id_with_its_fields()
    {
        var (code, output, _) = Run("rules", "--format", "json");

        Assert.Equal(ExitCodes.Success, code);
        var rules = (JArray)JObject.Parse(output)["rules"]!;
        var expected = LandscapeAnalysis.Create().Build().Rules;
        Assert.Equal(expected.Select(r => r.Id), rules.Select(r => (string)r["id"]!));
        var kl3101 = (JObject)rules.Single(r => (string)r["id"]! == "KL3101");
        Assert.Equal(["id", "severity", "category", "title", "helpUri"], kl3101.Properties().Select(p => p.Name));
        Assert.Equal("warning", (string)kl3101["severity"]!);
        Assert.Equal("storage", (string)kl3101["category"]!);
        Assert.Equal("StorageClass is cluster-scoped but names a namespace", (string)kl3101["title"]!);
        Assert.Equal("docs/rules/KL3101.md", (string)kl3101["helpUri"]!);
    }

    [Fact]
    public void Text_lists_one_line_per_rule_sorted_by_id()
    {
        var (code, output, _) = Run("rules");

        Assert.Equal(ExitCodes.Success, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(LandscapeAnalysis.Create().Build().Rules.Select(r => r.Id), lines.Select(l => l.Split(' ')[0]));
        Assert.Contains(lines, l => l.StartsWith("KL5101   error    api", StringComparison.Ordinal) && l.EndsWith("CustomResourceDefinition must mark exactly one version as storage", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_docs_writes_the_reference_pages()
    {
        var dir = Path.Combine(Path.GetTempPath(), "k8sl-rules-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, _, err) = Run("rules", "--generate-docs", dir);

            Assert.Equal(ExitCodes.Success, code);
            Assert.Contains("Wrote", err, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(dir, "README.md")));
            Assert.Equal(
                Documentation.RuleDocsGenerator.RenderPage(K8sLandscape.Analyzers.Rules.Api.CrdStorageVersionValidator.Descriptor),
                File.ReadAllText(Path.Combine(dir, "KL5101.md")));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        Assert.Equal(ExitCodes.UsageError, Run("rules", "--format", "xml").Code);
    }
}
