using K8sLandscape.Core.Tests.Model.Api;
using K8sLandscape.Model.Lifecycle;

namespace K8sLandscape.Core.Tests.Model.Lifecycle;

public class LifecycleCorpusTests
{
    [SkippableFact]
    public void OLM_install_manifest_yields_its_CSV_operator_groups_and_catalog_source()
    {
        var lifecycle = CorpusLandscape.Load("operators/olm").Lifecycle;
        var olm = lifecycle.Olm;

        // olm.yaml: the packageserver CSV owns the packagemanifests API service, no CRDs, and has no status yet.
        var csv = Assert.Single(olm.ClusterServiceVersions);
        Assert.Equal(("packageserver", "olm", "0.18.3", CsvPhase.None), (csv.Name, csv.Namespace, csv.Version, csv.Phase));
        Assert.Empty(csv.OwnedCrds);
        var owned = Assert.Single(csv.OwnedApiServices);
        Assert.Equal(("packagemanifests", "packages.operators.coreos.com", "v1", "PackageManifest"), (owned.Name, owned.Group, owned.Version, owned.Kind));
        Assert.Equal(new[] { "AllNamespaces", "MultiNamespace", "OwnNamespace", "SingleNamespace" }, csv.InstallModes.Where(m => m.Value).Select(m => m.Key).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "packageserver" }, csv.Deployments);

        Assert.Equal(new[] { "olm-operators", "global-operators" }, olm.OperatorGroups.Select(g => g.Object.Name));
        Assert.True(Assert.Single(olm.OperatorGroupsIn("operators")).IsAllNamespaces);
        Assert.Equal(new[] { "olm" }, Assert.Single(olm.OperatorGroupsIn("olm")).TargetNamespaces);

        var source = Assert.Single(olm.CatalogSources);
        Assert.Equal(("grpc", "quay.io/operatorhubio/catalog:latest", "OperatorHub.io"), (source.SourceType, source.Image, source.Publisher));

        // OLM itself: its seven operators.coreos.com CRDs (crds.yaml) and its two controllers.
        var op = Assert.Single(lifecycle.Operators, o => o.ComponentId == "olm");
        Assert.Equal(7, op.Crds.Count);
        Assert.Equal(new[] { "catalog-operator", "olm-operator" }, op.Workloads.Select(w => w.Object.Name).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public void Strimzi_is_a_kafka_operator_watching_its_own_namespace()
    {
        var landscape = CorpusLandscape.Load("operators/strimzi/install/cluster-operator");

        var strimzi = Assert.Single(landscape.Lifecycle.OperatorsProviding("kafka"));
        Assert.Equal("strimzi", strimzi.ComponentId);
        Assert.Equal(OperatorCapabilityLevel.DeepInsights, strimzi.CapabilityLevel);
        Assert.Equal("strimzi-cluster-operator", Assert.Single(strimzi.Workloads).Object.Name);
        Assert.Equal(10, strimzi.Crds.Count);

        // 060-Deployment: STRIMZI_NAMESPACE comes from fieldRef metadata.namespace; the Deployment has no namespace.
        var scope = Assert.Single(strimzi.WatchScopes);
        Assert.Equal(WatchScopeKind.OwnNamespace, scope.Kind);
        Assert.Empty(scope.Namespaces);
        Assert.StartsWith("spec.template.spec.containers[0].env[", scope.Path, StringComparison.Ordinal);

        var point = Assert.Single(landscape.ExtensionPoints, p => p.Name == "provides:kafka");
        Assert.True(point.ExpectsSingle);
        Assert.Equal("strimzi", Assert.Single(point.Implementations).Id);
    }

    [SkippableFact]
    public void Istio_CRDs_carry_Helm_2_release_labels()
    {
        var lifecycle = CorpusLandscape.Load("operators/istio/crds/crd-all.gen.yaml").Lifecycle;

        // Every one of the 15 CRDs is labelled 'heritage: Tiller' and 'release: istio' (grep -c).
        var release = Assert.Single(lifecycle.HelmReleases);
        Assert.Equal(("istio", (string?)null), (release.Name, release.Namespace));
        Assert.Equal(15, release.Objects.Count);
        Assert.Equal(HelmEvidence.InstanceLabels, release.Evidence);
        Assert.Null(release.Status);
    }

    [SkippableFact]
    public void Rendered_istiod_chart_is_one_release_in_istio_system_with_its_chart()
    {
        var lifecycle = CorpusLandscape.Load("helm-rendered/istio-istioctl-manifest-generate/pilot_default.golden.yaml").Lifecycle;

        // 17 documents, all labelled app.kubernetes.io/managed-by: Helm, instance istio, chart istiod-1.0.0;
        // the cluster-scoped ones join the only 'istio' release.
        var release = Assert.Single(lifecycle.HelmReleases);
        Assert.Equal(("istio", "istio-system"), (release.Name, release.Namespace));
        Assert.Equal(17, release.Objects.Count);
        Assert.Equal(new[] { "istiod-1.0.0" }, release.Charts);
        Assert.Equal(17, lifecycle.ManagedBy["Helm"].Count);
        Assert.Empty(lifecycle.HelmConflicts);
    }
}
