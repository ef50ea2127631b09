using K8sLandscape.Loading;
using K8sLandscape.Model.Api;

namespace K8sLandscape.Core.Tests.Model.Api;

public class BundleVersionTests
{
    private static KubeObject Crd(string metadata) => KubeObject.FromJson(
        """{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"gateways.gateway.networking.k8s.io",""" + metadata + "}}");

    [Fact]
    public void A_dedicated_bundle_version_wins_over_the_recommended_version_label_and_Helms_chart()
    {
        var crd = Crd("""
            "annotations":{"gateway.networking.k8s.io/bundle-version":"v1.2.0","controller-gen.kubebuilder.io/version":"v0.16.1"},
            "labels":{"app.kubernetes.io/version":"3.1.5","helm.sh/chart":"crds-3.1.5"}
            """);

        Assert.Equal(new BundleVersion("gateway.networking.k8s.io/bundle-version", "v1.2.0"), BundleVersion.Of(crd));
    }

    [Fact]
    public void The_generators_version_is_not_a_bundle_version()
    {
        Assert.Null(BundleVersion.Of(Crd("""
            "annotations":{"controller-gen.kubebuilder.io/version":"v0.16.1"}
            """)));
        Assert.Equal(
            new BundleVersion("pipeline.tekton.dev/release", "v1.15.0"),
            BundleVersion.Of(Crd("""
                "annotations":{"controller-gen.kubebuilder.io/version":"v0.16.1"},"labels":{"pipeline.tekton.dev/release":"v1.15.0"}
                """)));
    }

    [Fact]
    public void CrdInfo_carries_the_bundle_version()
    {
        var api = CorpusLandscape.FromYaml("""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: { name: widgets.example.com, labels: { app.kubernetes.io/version: "2.0" } }
            spec:
              group: example.com
              names: { kind: Widget, plural: widgets }
              scope: Namespaced
              versions: [{ name: v1, served: true, storage: true }]
            """);

        Assert.Equal("app.kubernetes.io/version=2.0", Assert.Single(api.Api.Crds).Bundle?.ToString());
    }
}
