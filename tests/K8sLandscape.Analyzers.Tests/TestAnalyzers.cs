using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Tests;

/// <summary>Reports one finding per object it is given a rule for; the test's tool for engine behaviour.</summary>
internal sealed class EveryObjectAnalyzer : LandscapeAnalyzer
{
    public static readonly RuleDescriptor Rule = new("TEST001", "Every object is reported", "Object {0} seen", RuleCategory.Api, DiagnosticSeverity.Warning, "Reports every object, for tests.");

    public override IReadOnlyList<RuleDescriptor> SupportedRules => [Rule];

    public override void Analyze(AnalysisContext context)
    {
        foreach (var o in context.Landscape.Objects.All) context.Report(Rule, o, "metadata.name", null, o.Name);
    }
}

internal sealed class ThrowingAnalyzer : LandscapeAnalyzer
{
    public static readonly RuleDescriptor Rule = new("TEST002", "Never reported", "Never {0}", RuleCategory.Api, DiagnosticSeverity.Warning, "Throws, for tests.");

    public override IReadOnlyList<RuleDescriptor> SupportedRules => [Rule];

    public override void Analyze(AnalysisContext context) => throw new InvalidOperationException("boom at line 7");
}

internal sealed class UndeclaredRuleAnalyzer : LandscapeAnalyzer
{
    public static readonly RuleDescriptor Declared = new("TEST004", "Declared", "declared", RuleCategory.Api, DiagnosticSeverity.Info, "For tests.");

    public override IReadOnlyList<RuleDescriptor> SupportedRules => [Declared];

    public override void Analyze(AnalysisContext context) =>
        context.Report(EveryObjectAnalyzer.Rule, SourceSpan.None, null, null, "x");
}

internal sealed class WrongArgumentCountAnalyzer : LandscapeAnalyzer
{
    public static readonly RuleDescriptor Rule = new("TEST003", "Two placeholders", "{0} and {1}", RuleCategory.Api, DiagnosticSeverity.Warning, "Reports with one argument, for tests.");

    public override IReadOnlyList<RuleDescriptor> SupportedRules => [Rule];

    public override void Analyze(AnalysisContext context) => context.Report(Rule, new SourceSpan("a.yaml", 1, 1), null, null, "only one");
}

/// <summary>Declares whatever rules it is given; reports nothing.</summary>
internal sealed class DeclaringAnalyzer(params RuleDescriptor[] rules) : LandscapeAnalyzer
{
    public override IReadOnlyList<RuleDescriptor> SupportedRules => rules;

    public override string Name => "Declaring(" + string.Join(",", rules.Select(r => r.Id)) + ")";

    public override void Analyze(AnalysisContext context)
    {
    }
}

/// <summary>Another type declaring whatever rules it is given (one type is registered once).</summary>
internal sealed class SecondDeclaringAnalyzer(params RuleDescriptor[] rules) : LandscapeAnalyzer
{
    public override IReadOnlyList<RuleDescriptor> SupportedRules => rules;

    public override void Analyze(AnalysisContext context)
    {
    }
}

/// <summary>Reports fixed findings in a scrambled order.</summary>
internal sealed class ScrambledAnalyzer : LandscapeAnalyzer
{
    public static readonly RuleDescriptor A = new("TEST010", "A", "a {0}", RuleCategory.Api, DiagnosticSeverity.Info, "For tests.");
    public static readonly RuleDescriptor B = new("TEST011", "B", "b {0}", RuleCategory.Api, DiagnosticSeverity.Error, "For tests.");

    public override IReadOnlyList<RuleDescriptor> SupportedRules => [A, B];

    public override void Analyze(AnalysisContext context)
    {
        context.Report(B, new SourceSpan("b.yaml", 1, 1), null, null, "1");
        context.Report(A, new SourceSpan("a.yaml", 10, 1), null, null, "2");
        context.Report(B, new SourceSpan("a.yaml", 2, 5), null, null, "3");
        context.Report(A, new SourceSpan("a.yaml", 2, 5), null, null, "4");
        context.Report(A, new SourceSpan("a.yaml", 2, 1), null, null, "6");
        context.Report(A, new SourceSpan("a.yaml", 2, 1), null, null, "5");
    }
}

/// <summary>Waits for a partner analyzer to run at the same time; throws when it never comes.</summary>
internal abstract class RendezvousAnalyzer(Barrier barrier, RuleDescriptor rule) : LandscapeAnalyzer
{
    public override IReadOnlyList<RuleDescriptor> SupportedRules => [rule];

    public override void Analyze(AnalysisContext context)
    {
        if (!barrier.SignalAndWait(TimeSpan.FromSeconds(20), context.CancellationToken)) throw new TimeoutException("the partner analyzer never ran concurrently");
        context.Report(rule, SourceSpan.None, null, null);
    }
}

internal sealed class LeftRendezvous(Barrier b) : RendezvousAnalyzer(b, Left)
{
    public static readonly RuleDescriptor Left = new("TEST020", "Left", "left", RuleCategory.Api, DiagnosticSeverity.Info, "For tests.");
}

internal sealed class RightRendezvous(Barrier b) : RendezvousAnalyzer(b, Right)
{
    public static readonly RuleDescriptor Right = new("TEST021", "Right", "right", RuleCategory.Api, DiagnosticSeverity.Info, "For tests.");
}

/// <summary>Blocks until cancelled.</summary>
internal sealed class WaitForCancellationAnalyzer(ManualResetEventSlim started) : LandscapeAnalyzer
{
    public static readonly RuleDescriptor Rule = new("TEST030", "Waits", "waits", RuleCategory.Api, DiagnosticSeverity.Info, "For tests.");

    public override IReadOnlyList<RuleDescriptor> SupportedRules => [Rule];

    public override void Analyze(AnalysisContext context)
    {
        started.Set();
        context.CancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
        context.CancellationToken.ThrowIfCancellationRequested();
    }
}

/// <summary>Reports each object with a severity of the finding's own (info), as weighing rules do.</summary>
internal sealed class OwnSeverityAnalyzer : LandscapeAnalyzer
{
    public static readonly RuleDescriptor Rule = new("TEST010", "Weighed finding", "Object {0} weighed", RuleCategory.Api, DiagnosticSeverity.Error, "Reports every object at info, for tests.");

    public override IReadOnlyList<RuleDescriptor> SupportedRules => [Rule];

    public override void Analyze(AnalysisContext context)
    {
        foreach (var o in context.Landscape.Objects.All)
        {
            context.Report(Finding.Create(Rule, o.Location, null, o.Ref, DiagnosticSeverity.Info, new Dictionary<string, string> { ["kind"] = o.Kind }, o.Name));
        }
    }
}
