using K8sLandscape.Analyzers.Documentation;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Analyzers.Tests;

public class RuleDocsTests
{
    private static readonly string RulesFolder = Corpus.InRepository("docs/rules");

    [Fact]
    public void Checked_in_rule_pages_equal_the_generated_ones()
    {
        var generated = RuleDocsGenerator.Generate(LandscapeAnalysis.Create().Build().Rules);
        var stale = new List<string>();
        foreach (var (name, content) in generated)
        {
            var path = Path.Combine(RulesFolder, name);
            if (!File.Exists(path) || File.ReadAllText(path).ReplaceLineEndings("\n") != content) stale.Add(name);
        }

        var extra = Directory.EnumerateFiles(RulesFolder, "*.md")
            .Select(Path.GetFileName)
            .Where(n => RuleDocsGenerator.IsRulePageName(n!) && generated.All(g => g.Key != n))
            .ToArray();

        Assert.True(
            stale.Count == 0 && extra.Length == 0,
            $"docs/rules is out of date (changed: {string.Join(", ", stale)}; removed rules: {string.Join(", ", extra)}). Run: dotnet run --project src/K8sLandscape.Cli -- rules --generate-docs docs/rules");
    }

    [Fact]
    public void The_index_links_every_rule_in_id_order()
    {
        var rules = LandscapeAnalysis.Create().Build().Rules;

        var index = RuleDocsGenerator.RenderIndex(rules.Reverse());

        var positions = rules.Select(r => index.IndexOf($"[{r.Id}]({r.Id}.md)", StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void A_page_carries_id_title_category_severity_description_fix_suppression_and_configuration()
    {
        var page = RuleDocsGenerator.RenderPage(K8sLandscape.Analyzers.Rules.Storage.StorageClassNamespaceValidator.Descriptor);

        Assert.StartsWith("# KL3101: StorageClass is cluster-scoped but names a namespace\n", page, StringComparison.Ordinal);
        Assert.Contains("| Category | Storage (CSI) (KL3xxx) |", page, StringComparison.Ordinal);
        Assert.Contains("| Default severity | warning |", page, StringComparison.Ordinal);
        Assert.Contains("## Why it matters\n\nStorageClasses are cluster-scoped", page, StringComparison.Ordinal);
        Assert.Contains("## How to fix\n\nRemove `metadata.namespace`", page, StringComparison.Ordinal);
        Assert.Contains("    k8s-landscape.io/ignore: \"KL3101\"", page, StringComparison.Ordinal);
        Assert.Contains("  KL3101: { severity: error }", page, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteTo_writes_the_pages_and_removes_pages_of_rules_that_no_longer_exist()
    {
        var dir = Directory.CreateTempSubdirectory("k8sl-docs-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "KL9998.md"), "old");
            File.WriteAllText(Path.Combine(dir, "notes.md"), "kept");

            RuleDocsGenerator.WriteTo(dir, [K8sLandscape.Analyzers.Rules.Storage.StorageClassNamespaceValidator.Descriptor]);

            // Retired ids (RemovedRule.All) keep their page; other pages of rules that no longer exist go.
            Assert.Equal(["KL0092.md", "KL3101.md", "README.md", "notes.md"], Directory.EnumerateFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
