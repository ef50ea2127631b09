using K8sLandscape.Loading;
using K8sLandscape.Model.Api;

namespace K8sLandscape.Analyzers.Rules.Api;

/// <summary>KL5004: one group/version is claimed by two APIService backends, or by an aggregated APIService and a CRD or built-in.</summary>
internal sealed class ApiGroupVersionClaimAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL5004",
        "One API group/version is claimed by several backends",
        "API group/version '{0}' is claimed by {1}; the API server routes it to only one backend",
        RuleCategory.Api,
        DiagnosticSeverity.Error,
        """
        kube-aggregator routes every request for a group/version to exactly one place: the APIService
        named `<version>.<group>` says whether kube-apiserver serves it locally (built-in groups and
        CRDs) or proxies it to a Service (an aggregated API server such as metrics-server). Two
        components that each ship that APIService with a different backend — metrics-server and
        prometheus-adapter both registering `v1beta1.metrics.k8s.io` is the classic case — overwrite
        each other: whichever was applied last receives all traffic, and `kubectl top`, the
        HorizontalPodAutoscaler or the other component's clients break without an error at install
        time. An aggregated APIService for a group/version that a CRD (or a built-in) also serves
        hides that resource: the proxy takes the requests, so the CRD's objects can no longer be read
        or written through the API, and controllers that watch them stall. The copies of one
        APIService that differ only in other fields are KL5006.
        """,
        """
        Decide which component serves the group/version and remove the APIService (or the CRD) from
        the other one; most charts have a switch for it (`apiService.create`, `metrics.enabled`).
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var api = context.Landscape.Api;
        var groupVersions = api.ApiServices.Select(a => (a.Group, a.Version, a.GroupVersion))
            .DistinctBy(g => g.GroupVersion, StringComparer.Ordinal)
            .OrderBy(g => g.GroupVersion, StringComparer.Ordinal);
        foreach (var (group, version, groupVersion) in groupVersions)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var claims = api.ClaimantsOfGroupVersion(group, version);
            var apiServices = claims.Where(c => c.ApiService is not null).ToArray();
            var backends = apiServices.Select(c => Backend(c.ApiService!)).Distinct(StringComparer.Ordinal).Count();
            var aggregated = apiServices.Any(c => !c.ApiService!.IsLocal);
            var others = claims.Any(c => c.Source != ApiClaimantSource.ApiService);
            if (backends < 2 && !(aggregated && others)) continue;

            ClaimParties.ReportClaims(context, Descriptor, claims, all => [groupVersion, Parties.Join(all.Select(Describe).Distinct(StringComparer.Ordinal).ToArray())]);
        }
    }

    private static string Backend(ApiServiceInfo api) => api.Service is { } s ? "Service " + s : "kube-apiserver (local)";

    private static string Describe(ApiClaimant c) => c.Source switch
    {
        ApiClaimantSource.ApiService => $"APIService {c.ApiService!.Name} served by {Backend(c.ApiService)} ({ClaimParties.Where(c.Location)})",
        ApiClaimantSource.CustomResourceDefinition => $"CustomResourceDefinition {c.Crd!.Name} ({ClaimParties.Where(c.Location)})",
        _ => "built-in " + c.Resource,
    };
}
