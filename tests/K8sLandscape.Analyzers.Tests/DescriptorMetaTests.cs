using System.Text.RegularExpressions;
using K8sLandscape.Loading;
using K8sLandscape.Sources;
using K8sLandscape.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace K8sLandscape.Analyzers.Tests;

/// <summary>Checks every registered descriptor, so a rule added by any issue is held to the same bar.</summary>
public partial class DescriptorMetaTests
{
    private static readonly IReadOnlyList<RuleDescriptor> Registered = RegisteredRules();

    public static TheoryData<string> Ids() => new(Registered.Select(r => r.Id));

    private static IReadOnlyList<RuleDescriptor> RegisteredRules()
    {
        using var sp = new ServiceCollection().AddK8sLandscape().Services.BuildServiceProvider();
        return sp.GetRequiredService<AnalyzerEngine>().Rules;
    }

    private static RuleDescriptor Rule(string id) => Registered.Single(r => r.Id == id);

    [Fact]
    public void Ids_are_unique()
    {
        Assert.Equal(Registered.Count, Registered.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void No_rule_reuses_a_removed_id_and_each_removed_id_keeps_its_page()
    {
        var removed = RemovedRule.All.Select(r => r.Id).ToArray();
        Assert.NotEmpty(removed);
        Assert.Empty(Registered.Select(r => r.Id).Intersect(removed, StringComparer.Ordinal));
        foreach (var id in removed)
        {
            var page = File.ReadAllText(Corpus.InRepository($"docs/rules/{id}.md"));
            Assert.Contains("(removed)", page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Id_is_KL_and_four_digits_and_its_thousands_digit_is_the_category(string id)
    {
        Assert.Matches(BuiltInId(), id);
        Assert.Equal((int)Rule(id).Category, id[2] - '0');
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Title_and_message_are_well_formed(string id)
    {
        var r = Rule(id);
        Assert.Equal(r.Title.Trim(), r.Title);
        Assert.DoesNotContain('\n', r.Title);
        Assert.False(r.Title.EndsWith('.'), $"{id}'s title ends with a period");
        Assert.True(char.IsUpper(r.Title[0]), $"{id}'s title does not start with a capital");
        Assert.True(r.HasWellFormedMessage, $"{id}'s message placeholders are not {{0}}..{{n}} without gaps: {r.MessageFormat}");
        Assert.False(r.MessageFormat.EndsWith('.'), $"{id}'s message ends with a period");
        Assert.True(r.Description.Trim().Length >= 80, $"{id}'s description does not explain why the rule matters");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Placeholders_are_enforced_when_reporting(string id)
    {
        var r = Rule(id);
        var args = Enumerable.Range(0, r.ArgumentCount).Select(i => (object?)("arg" + i)).ToArray();

        var message = r.FormatMessage(args);

        Assert.All(args, a => Assert.Contains((string)a!, message, StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => r.FormatMessage([.. args, "extra"]));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void A_documentation_page_exists(string id)
    {
        var r = Rule(id);
        Assert.Equal($"docs/rules/{id}.md", r.HelpUri.OriginalString);
        Assert.True(File.Exists(Corpus.InRepository(r.HelpUri.OriginalString)), $"{r.HelpUri} is missing: run 'k8s-landscape rules --generate-docs docs/rules'");
    }

    [Fact]
    public void Every_load_diagnostic_code_has_a_descriptor_with_the_loaders_title()
    {
        Assert.Equal(LoadDiagnosticCodes.All.Select(c => (c.Code, c.Title)), LoadDiagnosticRules.Loader.Select(r => (r.Id, r.Title)));
        Assert.Equal(ClusterDiagnosticCodes.All.Select(c => (c.Code, c.Title)), LoadDiagnosticRules.ClusterCoverage.Select(r => (r.Id, r.Title)));
        Assert.Equal([.. LoadDiagnosticCodes.All.Select(c => c.Code), .. ClusterDiagnosticCodes.All.Select(c => c.Code)], LoadDiagnosticRules.All.Select(r => r.Id));
        Assert.All(LoadDiagnosticRules.All, r => Assert.Contains(r, Registered));
    }

    [Fact]
    public void Built_in_rules_report_without_contract_errors_on_input_that_triggers_each_of_them()
    {
        var landscape = TestLandscapes.FromFiles(("bad.yaml", "a: [1\n"), ("all.yaml", """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: { name: w.acme.example }
            spec: { versions: [] }
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata: { name: m }
            webhooks: [{ name: a.acme.example, timeoutSeconds: 0 }]
            ---
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: { name: s, namespace: team }
            ---
            apiVersion: node.k8s.io/v1
            kind: RuntimeClass
            metadata: { name: r }
            ---
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: { name: p }
            value: 2000000000
            """));

        var ids = LandscapeAnalysis.Create().Run(landscape).Findings.Select(f => f.Id).ToArray();

        Assert.DoesNotContain("KL0001", ids);
        Assert.Equal(["KL0002", "KL1101", "KL3101", "KL5101", "KL6101", "KL6102", "KL8101"], ids.Distinct().Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("^KL[0-9]{4}$")]
    private static partial Regex BuiltInId();
}
