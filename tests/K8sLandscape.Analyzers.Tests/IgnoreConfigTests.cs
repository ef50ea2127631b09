using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Tests;

public class IgnoreConfigTests
{
    [Fact]
    public void Ignore_entries_and_plugins_are_read_with_their_positions()
    {
        var o = AnalysisConfigFile.Parse("""
            plugins: [rules/Acme.Rules.dll]
            ignore:
              - rule: KL3001
                kind: StorageClass
                name: "local-*"
                reason: developer clusters only
              - { rule: KL6001, namespace: istio-system, path: "vendor/**", reason: "  vendor chart  " }
            """, "c.yaml");

        Assert.Equal(["rules/Acme.Rules.dll"], o.PluginFiles);
        Assert.Equal(
            [
                new IgnoreEntry("KL3001", "developer clusters only") { Kind = "StorageClass", Name = "local-*", Source = new SourceSpan("c.yaml", 3, 5) },
                new IgnoreEntry("KL6001", "vendor chart") { Namespace = "istio-system", Path = "vendor/**", Source = new SourceSpan("c.yaml", 7, 5) },
            ],
            o.Ignores);
    }

    [Fact]
    public void Every_problem_of_the_new_keys_is_reported_at_once_with_line_and_key()
    {
        var ex = Assert.Throws<ConfigurationException>(() => AnalysisConfigFile.Parse("""
            plugins: [rules.txt]
            ignore:
              - rule: kl3001
                kind: "Storage Class"
                namespace: Not_A_Namespace
                path: "C:\\vendor"
                colour: blue
              - name: gp3
              - just-a-string
            rules:
              ACME100: { options: 3 }
            """, "c.yaml"));

        Assert.Equal(
            [
                "c.yaml:1:11: plugins",
                "c.yaml:3:5: ignore[0].reason",
                "c.yaml:3:11: ignore[0].rule",
                "c.yaml:4:11: ignore[0].kind",
                "c.yaml:5:16: ignore[0].namespace",
                "c.yaml:6:11: ignore[0].path",
                "c.yaml:7:5: ignore[0].colour",
                "c.yaml:8:5: ignore[1].reason",
                "c.yaml:8:5: ignore[1].rule",
                "c.yaml:9:5: ignore[2]",
                "c.yaml:11:23: rules.ACME100.options",
            ],
            ex.Errors.Select(e => $"{e.Location}: {e.Key}"));
    }

    [Fact]
    public void Options_from_code_and_from_a_file_merge()
    {
        var file = AnalysisConfigFile.Parse("ignore:\n  - {rule: KL3001, reason: a}\nplugins: [a.dll]\n", "c.yaml");

        var merged = new AnalysisOptionsBuilder().Ignore(new IgnoreEntry("KL6001", "b")).Apply(file).Build();

        Assert.Equal(["KL6001", "KL3001"], merged.Ignores.Select(i => i.Rule));
        Assert.Equal(["a.dll"], merged.PluginFiles);
    }
}
