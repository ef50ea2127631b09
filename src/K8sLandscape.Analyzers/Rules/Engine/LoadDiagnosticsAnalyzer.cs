using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers;

/// <summary>Surfaces the landscape's load diagnostics (KL0002–KL0012, and KL0091–KL0094 of a cluster read) as findings, with the loader's severity.</summary>
internal sealed class LoadDiagnosticsAnalyzer : LandscapeAnalyzer
{
    private static readonly Dictionary<string, RuleDescriptor> ByCode = LoadDiagnosticRules.All.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public override IReadOnlyList<RuleDescriptor> SupportedRules => LoadDiagnosticRules.All;

    public override void Analyze(AnalysisContext context)
    {
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var d in context.Landscape.LoadDiagnostics)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (ByCode.TryGetValue(d.Code, out var rule)) context.Report(Finding.Create(rule, d.Location, null, null, d.Severity, null, d.Message));
            else unknown.Add(d.Code);
        }

        // A loader code without a descriptor is a bug here; every known diagnostic is reported first.
        if (unknown.Count > 0)
            throw new InvalidOperationException($"load diagnostic code(s) without a rule descriptor: {string.Join(", ", unknown)}");
    }
}
