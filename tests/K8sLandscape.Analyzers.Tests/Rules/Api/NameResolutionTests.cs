using K8sLandscape.Analyzers.Rules.Api;
using K8sLandscape.Loading;
using K8sLandscape.Model.Api;
using K8sLandscape.Analyzers.Tests.Verification;
using static K8sLandscape.Analyzers.Tests.Verification.RuleVerifier;

namespace K8sLandscape.Analyzers.Tests.Rules.Api;

/// <summary>KL5001 and KL5002 say which resource kubectl reaches, as discovery orders groups.</summary>
public class NameResolutionTests
{
    private static string Crd(string group, string plural, string kind, string shortName, params string[] versions) => $$"""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: { name: {{plural}}.{{group}} }
        spec:
          group: {{group}}
          names: { kind: {{kind}}, plural: {{plural}}, shortNames: [{{shortName}}] }
          scope: Namespaced
          versions: [{{string.Join(", ", versions.Select((v, i) => $"{{ name: {v}, served: true, storage: {(i == 0 ? "true" : "false")} }}"))}}]
        """;

    [SkippableFact]
    public void KL5001_and_KL5002_warn_once_each_on_Flux_v1_and_v2_HelmReleases_naming_the_group_kubectl_picks()
    {
        var landscape = LandscapeOf(RuleInput.Corpus("installs/flux2", "installs/flux-helm-operator"));

        var hr = Assert.Single(Run(new CrdShortNameCollisionAnalyzer(), landscape));
        Assert.Equal(DiagnosticSeverity.Warning, hr.Severity);
        Assert.StartsWith("Short name 'hr' is claimed by helmreleases.helm.fluxcd.io", hr.Message, StringComparison.Ordinal);
        Assert.EndsWith("kubectl resolves `hr` to helmreleases.helm.fluxcd.io, because CRD groups share GroupPriorityMinimum 1000 and discovery then orders them by group name; reach the other by full name: `kubectl get helmreleases.helm.toolkit.fluxcd.io`", hr.Message, StringComparison.Ordinal);
        Assert.Single(hr.RelatedLocations);

        var plural = Assert.Single(Run(new ApiNameAmbiguityAnalyzer(), landscape));
        Assert.Equal(DiagnosticSeverity.Warning, plural.Severity);
        Assert.StartsWith("The plural 'helmreleases' and kind 'HelmRelease' are served by", plural.Message, StringComparison.Ordinal);
        Assert.Contains("kubectl resolves `helmreleases` to helmreleases.helm.fluxcd.io", plural.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void KL5002_warns_on_MetalLB_and_Calico_BGPPeers_and_informs_on_Calicos_NetworkPolicy_behind_the_built_in()
    {
        var findings = Run(new ApiNameAmbiguityAnalyzer(), LandscapeOf(RuleInput.Corpus("installs/metallb", "cni/calico/calico.yaml")));

        Assert.Equal(2, findings.Count);
        var bgp = Assert.Single(findings, f => f.Message.Contains("'bgppeers'", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Warning, bgp.Severity);
        Assert.Contains("kubectl resolves `bgppeers` to bgppeers.crd.projectcalico.org", bgp.Message, StringComparison.Ordinal);
        Assert.EndsWith("`kubectl get bgppeers.metallb.io`", bgp.Message, StringComparison.Ordinal);
        var np = Assert.Single(findings, f => f.Message.Contains("'networkpolicies'", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Info, np.Severity);
    }

    [SkippableFact]
    public void KL5001_and_KL5002_stay_quiet_on_MetalLB_alone()
    {
        var landscape = LandscapeOf(RuleInput.Corpus("installs/metallb"));
        Assert.NotEmpty(landscape.Api.Crds);

        Assert.Empty(Run(new CrdShortNameCollisionAnalyzer(), landscape));
        Assert.Empty(Run(new ApiNameAmbiguityAnalyzer(), landscape));
    }

    [Fact]
    public void KL5001_names_both_winners_when_aggregated_and_older_discovery_disagree()
    {
        // Aggregated discovery breaks the tie by group name (alpha.example first); the older /apis
        // document by APIService name, and v1.beta.example sorts before v2.alpha.example.
        var yaml = Crd("alpha.example", "queues", "Queue", "q", "v2") + "\n---\n" + Crd("beta.example", "quotas", "Quota", "q", "v1");

        var f = Assert.Single(Run(new CrdShortNameCollisionAnalyzer(), LandscapeOf(RuleInput.Yaml(yaml, "t.yaml"))));

        Assert.Equal(DiagnosticSeverity.Warning, f.Severity);
        Assert.Contains("kubectl resolves `q` to queues.alpha.example", f.Message, StringComparison.Ordinal);
        Assert.Contains("(servers without aggregated discovery order /apis by APIService name, version.group, and pick quotas.beta.example instead)", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KL5001_does_not_predict_a_winner_between_two_resources_of_one_group()
    {
        var yaml = Crd("acme.example", "queues", "Queue", "q", "v1") + "\n---\n" + Crd("acme.example", "quotas", "Quota", "q", "v1");

        var f = Assert.Single(Run(new CrdShortNameCollisionAnalyzer(), LandscapeOf(RuleInput.Yaml(yaml, "t.yaml"))));

        Assert.Equal(DiagnosticSeverity.Warning, f.Severity);
        Assert.Contains("the claimants share one API group", f.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("kubectl resolves", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DiscoveryOrder_puts_the_core_group_before_other_built_ins_and_every_built_in_before_a_CRD()
    {
        var landscape = LandscapeOf(RuleInput.Yaml(Crd("acme.example", "events", "Event", "ev", "v1")));

        var resolution = DiscoveryOrder.Resolve(landscape.Api.ClaimantsOfPlural("events"), landscape.Api);

        Assert.Equal(NameResolutionBasis.BuiltInFirst, resolution.Basis);
        Assert.Equal("events", resolution.Winner!.Resource);
        Assert.Equal(["events.acme.example", "events.events.k8s.io"], resolution.Losers);
    }
}
