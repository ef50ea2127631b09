using K8sLandscape.Analyzers.Rules.Api;
using K8sLandscape.Analyzers.Tests.Verification;
using static K8sLandscape.Analyzers.Tests.Verification.RuleVerifier;

namespace K8sLandscape.Analyzers.Tests.Rules.Api;

/// <summary>
/// Every healthy single install under the corpus's <c>installs/</c> gives no error and no collision
/// warning from the API rules (name resolution, redefinitions, duplicates, category all).
/// </summary>
public class SingleInstallApiRulesTests
{
    // Listed here, not read from the corpus, so the theory has its cases without it.
    private static readonly string[] InstallFolders =
    [
        "argo-events", "argo-rollouts", "argo-workflows", "cloudnative-pg", "external-dns", "flux-helm-operator", "flux2",
        "haproxy-ingress", "keycloak-operator", "kong-ingress", "kube-router", "kube-state-metrics", "kubernetes-dashboard",
        "kuma", "kyverno", "metallb", "microk8s-metrics-server", "mpi-operator", "nfs-subdir-external-provisioner",
        "nginx-inc-ingress", "opentelemetry-operator", "prometheus-adapter", "secrets-store-csi-driver", "tekton-pipelines",
        "training-operator",
    ];

    /// <summary>The folders of <c>installs/</c>.</summary>
    public static TheoryData<string> Installs() => new(InstallFolders);

    [SkippableTheory]
    [MemberData(nameof(Installs))]
    public void Api_rules_report_nothing_above_info_on_a_single_install(string install)
    {
        var landscape = LandscapeOf(RuleInput.Corpus("installs/" + install));

        LandscapeAnalyzer[] rules = [new CrdShortNameCollisionAnalyzer(), new ApiNameAmbiguityAnalyzer(), new CrdRedefinitionAnalyzer(), new CrdCategoryAllAnalyzer(), new DuplicateObjectAnalyzer()];
        var loud = rules.SelectMany(r => Run(r, landscape)).Where(f => f.Severity > Loading.DiagnosticSeverity.Info).Select(f => f.Id + ": " + f.Message).ToArray();

        Assert.Empty(loud);
    }

    [Fact]
    public void The_install_list_matches_the_corpus_folders_when_present()
    {
        if (TestSupport.Corpus.Folder is not { } root) return;
        var folders = Directory.GetDirectories(Path.Combine(root, "installs")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(folders, InstallFolders.Order(StringComparer.Ordinal).ToArray());
    }
}
