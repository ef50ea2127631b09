using System.Globalization;
using K8sLandscape.Analyzers;
using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Bench.Measurements;

/// <summary>
/// The API and admission conflict rules (KL5001–KL5007, KL6001–KL6004) alone over a landscape built
/// untimed in <see cref="Setup"/>: compare with the <c>load</c> row to see the rules' share of a run.
/// </summary>
internal sealed class ApiAdmissionRules : Measurement
{
    // The rule classes are internal to the analyzers assembly; they are found by name so the bench needs no friend access.
    private static readonly string[] RuleTypes =
    [
        "Api.CrdShortNameCollisionAnalyzer", "Api.ApiNameAmbiguityAnalyzer", "Api.CrdRedefinitionAnalyzer", "Api.ApiGroupVersionClaimAnalyzer",
        "Api.CrdCategoryAllAnalyzer", "Api.DuplicateObjectAnalyzer", "Api.ApiVersionLifecycleAnalyzer",
        "Admission.MutatingWebhookOverlapAnalyzer", "Admission.FailClosedWebhookLockoutAnalyzer", "Admission.WebhookServiceMissingAnalyzer", "Admission.MeshInjectionOverlapAnalyzer",
    ];

    private Landscape? _landscape;
    private AnalyzerEngine? _engine;

    public override string Name => "rules-api";

    public override string Description => "KL5001-KL5007 and KL6001-KL6004 over a landscape built untimed (load + Landscape.Build in setup)";

    public override int Order => 50;

    public override void Setup(string file)
    {
        _landscape = Landscape.Build(new ManifestLoader().Load(file));
        var assembly = typeof(LandscapeAnalyzer).Assembly;
        var analyzers = RuleTypes.Select(n => (LandscapeAnalyzer)Activator.CreateInstance(
            assembly.GetType("K8sLandscape.Analyzers.Rules." + n, throwOnError: true)!, nonPublic: true)!).ToArray();
        _engine = new AnalyzerEngine(analyzers);
    }

    public override RunOutcome Run(string file)
    {
        var findings = _engine!.Run(_landscape!).Findings;
        var byRule = string.Join(", ", findings.GroupBy(f => f.Id).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key + "=" + g.Count().ToString(CultureInfo.InvariantCulture)));
        return new RunOutcome(_landscape!.Objects.All.Count, findings.Count == 0 ? "no findings" : byRule);
    }
}
