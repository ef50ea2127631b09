using K8sLandscape.Analyzers.Tests.Verification;
using K8sLandscape.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace K8sLandscape.Analyzers.Tests.Rules;

/// <summary>
/// Runs every fixture under <c>Fixtures/</c> through the <see cref="RuleVerifier"/> and holds every
/// built-in rule to a firing and a quiet fixture, so a fresh clone without the corpus still tests each rule.
/// </summary>
public class RuleFixtureTests
{
    /// <summary>Rules no fixture can drive, with the reason and the tests that cover them instead.</summary>
    private static readonly Dictionary<string, string> NoFixture = new(StringComparer.Ordinal)
    {
        ["KL0001"] = "an analyzer crash is no property of the input; EngineTests throws from a test analyzer",
        ["KL0003"] = "an unreadable file or folder cannot be checked in; Core.Tests FolderScanTests makes dangling links and loops at run time",
        ["KL0091"] = "reported while listing a live cluster (a kind the credentials may not list); Cli.Tests AnalyzeClusterTests, on the TestApiServer",
        ["KL0093"] = "reported while listing a live cluster (a list failing after retries); Cli.Tests AnalyzeClusterTests, on the TestApiServer",
        ["KL0094"] = "reported while listing a live cluster (discovery failing for a group); Core.Tests ClusterFaultTests, on the TestApiServer",
    };

    // The built-in rules as a consumer gets them: the engine AddK8sLandscape() registers.
    private static readonly AnalyzerEngine BuiltInEngine = CreateBuiltInEngine();

    private static readonly IReadOnlyList<RuleDescriptor> BuiltIn = BuiltInEngine.Rules;

    private static readonly IReadOnlyList<LandscapeAnalyzer> Analyzers = BuiltInEngine.Analyzers;

    private static readonly IReadOnlyList<Validation.IObjectValidator> Validators = BuiltInEngine.Validators;

    public static TheoryData<string> Fixtures() => new(FixtureCase.All().Where(f => f.Case is not null).Select(f => f.Relative));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_findings_are_exactly_its_markers(string relative)
    {
        var c = FixtureCase.Parse(relative)!;
        var input = RuleInput.Fixture(relative);
        var (_, markers) = RuleVerifier.Load(input);
        var own = markers.Count(m => m.RuleId == c.RuleId);
        if (c.Fires) Assert.True(own > 0, $"{relative} is a firing fixture but has no '#! {c.RuleId}' marker");
        else Assert.True(own == 0, $"{relative} is a quiet fixture but expects {own} {c.RuleId} finding(s)");

        var findings = Verify(c.RuleId, input);

        // Each finding names its rule and carries a message a reader can act on.
        Assert.All(findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Message)));
    }

    [Fact]
    public void Every_built_in_rule_has_a_firing_and_a_quiet_fixture()
    {
        var cases = FixtureCase.All().Where(f => f.Case is not null).Select(f => f.Case!).ToList();
        var lacking = BuiltIn
            .Where(r => !NoFixture.ContainsKey(r.Id))
            .SelectMany(r => new[] { (r.Id, Fires: true), (r.Id, Fires: false) })
            .Where(p => !cases.Any(c => c.RuleId == p.Id && c.Fires == p.Fires))
            .Select(p => $"{p.Id}.{(p.Fires ? "fires" : "quiet")}")
            .ToList();
        Assert.True(lacking.Count == 0, "rules without a fixture under Fixtures/<Area>/: " + string.Join(", ", lacking));
    }

    [Fact]
    public void Rules_without_fixtures_are_built_in_and_really_have_none()
    {
        foreach (var id in NoFixture.Keys)
        {
            Assert.Contains(BuiltIn, r => r.Id == id);
            Assert.DoesNotContain(FixtureCase.All(), f => f.Case?.RuleId == id);
        }
    }

    [Fact]
    public void Every_fixture_is_named_for_a_built_in_rule_in_its_area_and_described_in_the_README()
    {
        var readme = File.ReadAllText(Path.Combine(RuleInput.FixturesFolder, "README.md"));
        var all = FixtureCase.All();
        Assert.NotEmpty(all);
        foreach (var (relative, c) in all)
        {
            Assert.True(c is not null, $"Fixtures/{relative} is not named <rule id>.fires[.what].<ext> or <rule id>.quiet[.what].<ext>");
            var rule = BuiltIn.SingleOrDefault(r => r.Id == c!.RuleId);
            Assert.True(rule is not null, $"Fixtures/{relative} names {c!.RuleId}, which is no built-in rule");
            Assert.Equal(rule!.Category.Name.Split(' ')[0], relative.Split('/')[0], StringComparer.OrdinalIgnoreCase);
            Assert.True(readme.Contains($"`{relative}`", StringComparison.Ordinal), $"Fixtures/README.md does not describe `{relative}`");
        }
    }

    [Fact]
    public void The_fixtures_in_the_repository_are_the_ones_copied_beside_the_tests()
    {
        var source = Corpus.InRepository("tests/K8sLandscape.Analyzers.Tests/Fixtures");
        var inRepository = Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(source, f)).Order(StringComparer.Ordinal);
        var copied = Directory.EnumerateFiles(RuleInput.FixturesFolder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(RuleInput.FixturesFolder, f)).Order(StringComparer.Ordinal);
        Assert.Equal(inRepository, copied);
    }

    /// <summary>Runs the rule class that declares the rule; the engine's own rules run beside every built-in analyzer.</summary>
    private static IReadOnlyList<Finding> Verify(string ruleId, RuleInput input)
    {
        if (Analyzers.FirstOrDefault(a => a.SupportedRules.Any(r => r.Id == ruleId)) is { } analyzer) return RuleVerifier.Verify(analyzer, input);
        if (Validators.FirstOrDefault(v => v.Rule.Id == ruleId) is { } validator) return RuleVerifier.Verify(validator, input);
        var engine = new AnalyzerEngine(Analyzers, Validators, RuleVerifier.Enabled(BuiltIn));
        var engineRules = new[] { AnalyzerCrashedRule.Descriptor.Id, UnknownSuppressionRule.Descriptor.Id };
        Assert.Contains(ruleId, engineRules);
        return RuleVerifier.Verify(engine, input, f => engineRules.Contains(f.Id));
    }

    private static AnalyzerEngine CreateBuiltInEngine()
    {
        using var sp = new ServiceCollection().AddK8sLandscape().Services.BuildServiceProvider();
        return sp.GetRequiredService<AnalyzerEngine>();
    }
}
