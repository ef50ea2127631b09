using K8sLandscape.Model.Api;

namespace K8sLandscape.Core.Tests.Model.Api;

public class ApiSurfaceCorpusTests
{
    [SkippableFact]
    public void Short_name_vs_is_claimed_by_istio_VirtualService_and_VolumeSnapshot()
    {
        var api = CorpusLandscape.Load("operators/istio/crds/crd-all.gen.yaml", "csi/csi-driver-nfs/crd-csi-snapshot.yaml").Api;

        var collision = Assert.Single(api.ShortNameCollisions, c => c.Name == "vs");
        Assert.Equal(new[] { "virtualservices.networking.istio.io", "volumesnapshots.snapshot.storage.k8s.io" }, collision.Resources);

        // The claim points at the short name itself: crd-csi-snapshot.yaml line 17, crd-all.gen.yaml line 10909 (read with grep -n).
        var snapshot = Assert.Single(collision.Claimants, c => c.Group == "snapshot.storage.k8s.io");
        Assert.EndsWith("crd-csi-snapshot.yaml", snapshot.Location.Path, StringComparison.Ordinal);
        Assert.Equal(17, snapshot.Location.Line);
        var istio = Assert.Single(collision.Claimants, c => c.Group == "networking.istio.io");
        Assert.Equal(10909, istio.Location.Line);
        Assert.Equal("VirtualService", istio.ResourceKind);
        Assert.Equal("istio", istio.Crd!.ComponentId);
    }

    [SkippableFact]
    public void Plural_gateways_is_claimed_in_two_groups()
    {
        var api = CorpusLandscape.Load("operators/istio/crds/crd-all.gen.yaml", "operators/gateway-api/standard/gateway.networking.k8s.io_gateways.yaml").Api;

        var collision = Assert.Single(api.PluralCollisions, c => c.Name == "gateways");
        Assert.Equal(new[] { "gateways.gateway.networking.k8s.io", "gateways.networking.istio.io" }, collision.Resources);
        Assert.Equal(
            new[] { "gateway-api", "istio" },
            collision.Claimants.Select(c => c.Crd!.ComponentId).Order(StringComparer.Ordinal));
        // The kind Gateway is claimed by both too; their short names (gtw, gw) differ.
        Assert.Contains(api.KindCollisions, c => c.Name == "Gateway");
        Assert.DoesNotContain(api.ShortNameCollisions, c => c.Name is "gw" or "gtw");
    }

    [SkippableFact]
    public void Calico_CRDs_claim_the_NetworkPolicy_kind()
    {
        var api = CorpusLandscape.Load("cni/calico/calico.yaml").Api;

        var collision = Assert.Single(api.KindCollisions, c => c.Name == "NetworkPolicy");
        Assert.True(collision.InvolvesBuiltIn);
        Assert.Contains("networkpolicies.networking.k8s.io", collision.Resources);
        Assert.Contains(api.PluralCollisions, c => c.Name == "networkpolicies" && c.InvolvesBuiltIn);
        var claim = Assert.Single(api.ClaimantsOfKind("NetworkPolicy"), c => c.Source == ApiClaimantSource.CustomResourceDefinition);
        Assert.Equal("crd.projectcalico.org", claim.Group);
        Assert.Equal("networkpolicies", claim.Plural);
        // calico.yaml line 3011: 'kind: NetworkPolicy' under spec.names.
        Assert.Equal(3011, claim.Location.Line);
    }

    [SkippableFact]
    public void Strimzi_CRDs_are_read_with_their_names_versions_and_owner()
    {
        var landscape = CorpusLandscape.Load("operators/strimzi/install/cluster-operator");
        var api = landscape.Api;

        // 040..049 define ten CRDs: nine in kafka.strimzi.io and StrimziPodSet in core.strimzi.io.
        Assert.Equal(10, api.Crds.Count);
        Assert.Equal(9, api.CrdsOfGroup("kafka.strimzi.io").Count());
        Assert.Equal("strimzi", api.OwnerOfGroup("kafka.strimzi.io"));
        Assert.Equal("strimzi", api.OwnerOfGroup("core.strimzi.io"));

        var kafka = Assert.Single(api.Crds, c => c.Name == "kafkas.kafka.strimzi.io");
        Assert.Equal("Kafka", kafka.Names.Kind);
        Assert.Contains("k", kafka.Names.ShortNames);
        Assert.Equal(ResourceScope.Namespaced, kafka.Scope);
        Assert.Single(kafka.StorageVersions);

        var point = Assert.Single(landscape.ExtensionPoints, p => p.Name == "api-group:kafka.strimzi.io");
        var impl = Assert.Single(point.Implementations);
        Assert.Equal("strimzi", impl.Id);
        Assert.True(impl.Recognized);
        Assert.Equal(9, impl.Objects.Count);
    }

    [SkippableFact]
    public void A_CRD_group_no_catalog_entry_knows_is_an_unrecognized_implementation()
    {
        var api = CorpusLandscape.Load("webhooks/kyverno/crds").Api;

        Assert.Equal("kyverno", api.OwnerOfGroup("kyverno.io"));
        // wgpolicyk8s.io is the Policy WG's report API, which no built-in catalog entry claims.
        Assert.Null(api.OwnerOfGroup("wgpolicyk8s.io"));
        var point = Assert.Single(api.ExtensionPoints, p => p.Name == "api-group:wgpolicyk8s.io");
        var impl = Assert.Single(point.Implementations);
        Assert.Equal("crd-group:wgpolicyk8s.io", impl.Id);
        Assert.False(impl.Recognized);
        Assert.Equal(2, impl.Objects.Count);
    }

    [SkippableTheory]
    [InlineData("operators/strimzi/install/cluster-operator", "strimzi")]
    [InlineData("operators/cert-manager/crds", "cert-manager")]
    [InlineData("operators/prometheus-operator", "prometheus-operator")]
    [InlineData("operators/istio/crds/crd-all.gen.yaml", "istio")]
    [InlineData("webhooks/istio/checkinject-default-injector.yaml", "istio")]
    [InlineData("helm-rendered/istio-istioctl-manifest-generate/pilot_default.golden.yaml", "istio")]
    [InlineData("operators/kubevela/crds", "kubevela")]
    [InlineData("operators/crossplane/crds", "crossplane")]
    [InlineData("webhooks/crossplane/usage-webhookconfiguration.yaml", "crossplane")]
    [InlineData("operators/olm", "olm")]
    [InlineData("operators/gateway-api/standard", "gateway-api")]
    [InlineData("operators/ingress-nginx/deploy-kind.yaml", "ingress-nginx")]
    [InlineData("operators/traefik", "traefik")]
    [InlineData("webhooks/kyverno", "kyverno")]
    [InlineData("operators/argo-workflows/crds-minimal", "argo-workflows")]
    public void Corpus_components_are_recognized(string path, string componentId)
    {
        var landscape = CorpusLandscape.Load(path);

        Assert.Contains(landscape.Components, c => c.Id == componentId);
    }

    [SkippableFact]
    public void Rendered_istiod_chart_is_recognized_by_its_pilot_image_and_webhooks()
    {
        var landscape = CorpusLandscape.Load("helm-rendered/istio-istioctl-manifest-generate/pilot_default.golden.yaml");

        var istio = Assert.Single(landscape.Components, c => c.Id == "istio");
        Assert.Contains(istio.Evidence, e => e.Fingerprint == "image" && e.Value.Contains("pilot", StringComparison.Ordinal));
        Assert.Contains(istio.Evidence, e => e.Fingerprint == "webhook");
    }
}
