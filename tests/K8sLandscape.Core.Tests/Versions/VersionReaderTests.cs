using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Versions;

namespace K8sLandscape.Core.Tests.Versions;

public class VersionReaderTests
{
    [Theory]
    [InlineData("ingress-nginx-4.10.0", "4.10.0")]
    [InlineData("cert-manager-v1.14.4", "1.14.4")]
    [InlineData("kube-prometheus-stack-58.0.0-rc.1", "58.0.0-rc.1")]
    [InlineData("no-version-here", null)]
    [InlineData("trailing-dash-", null)]
    [InlineData("chart-v", null)]
    [InlineData("chart-v2", "2")]
    [InlineData("a-vb-7", "7")]
    public void Chart_labels_give_the_chart_version(string chart, string? version) =>
        Assert.Equal(version, VersionReader.ChartVersion(chart));

    [Theory]
    [InlineData("v1.14.4", "1.14.4")]
    [InlineData(" 1.14.4 ", "1.14.4")]
    [InlineData("version", "version")]
    [InlineData("", null)]
    public void Versions_are_normalized(string raw, string? normalized) =>
        Assert.Equal(normalized, VersionReader.Normalize(raw));

    [Fact]
    public void An_olm_csv_wins_over_labels_and_images_and_all_stay_in_the_evidence()
    {
        var csv = KubeObject.FromJson("""{"apiVersion":"operators.coreos.com/v1alpha1","kind":"ClusterServiceVersion","metadata":{"name":"etcd.v0.9.4","namespace":"ops","labels":{"app.kubernetes.io/version":"0.9.3"}},"spec":{"version":"0.9.4"}}""");
        var deploy = Deployment("etcd-operator", "quay.io/coreos/etcd-operator:v0.9.2");

        var v = VersionReader.Read([csv, deploy], [new ComponentEvidence(deploy, "image", "quay.io/coreos/etcd-operator:v0.9.2")], ["coreos/etcd-operator"]);

        Assert.Equal(VersionSources.OlmCsv, v.Source);
        Assert.Equal(["0.9.4"], v.Versions);
        Assert.Equal(["olm-csv", "app-version-label", "image-tag"], v.Evidence.Select(e => e.Source));
    }

    [Fact]
    public void Two_installs_at_two_versions_give_both_and_latest_is_no_version()
    {
        var a = Deployment("cm-a", "quay.io/jetstack/cert-manager-controller:v1.13.0");
        var b = Deployment("cm-b", "quay.io/jetstack/cert-manager-controller:v1.14.4");
        var c = Deployment("cm-c", "quay.io/jetstack/cert-manager-controller:latest");

        var v = VersionReader.Read([a, b, c],
            [new(a, "image", "quay.io/jetstack/cert-manager-controller:v1.13.0"), new(b, "image", "quay.io/jetstack/cert-manager-controller:v1.14.4"), new(c, "image", "quay.io/jetstack/cert-manager-controller:latest")],
            ["jetstack/cert-manager-controller"]);

        Assert.Equal(["1.13.0", "1.14.4"], v.Versions);
        Assert.Equal("1.13.0, 1.14.4", v.Display);
    }

    [Fact]
    public void Helper_images_and_digests_do_not_compete_with_the_main_image()
    {
        var ds = Deployment("flannel", "ghcr.io/flannel-io/flannel:v0.28.9");
        var pinned = Deployment("pinned", "registry.example.com/tool@sha256:0123456789abcdef0123456789abcdef");

        var v = VersionReader.Read([ds, pinned],
            [new(ds, "image", "ghcr.io/flannel-io/flannel-cni-plugin:v1.9.1-flannel3"), new(ds, "image", "ghcr.io/flannel-io/flannel:v0.28.9")],
            ["flannel-io/flannel", "flannel-io/flannel-cni-plugin"]);
        var digestOnly = VersionReader.Read([pinned], [new(pinned, "image", "registry.example.com/tool@sha256:0123456789abcdef0123456789abcdef")], []);

        Assert.Equal(["0.28.9"], v.Versions);
        Assert.Contains(v.Evidence, e => e.Source == VersionSources.HelperImageTag && e.Version == "1.9.1-flannel3");
        Assert.Equal(["sha256:0123456789ab"], digestOnly.Versions);
        Assert.Equal(VersionSources.ImageDigest, digestOnly.Source);
    }

    [Fact]
    public void A_node_runtime_version_counts_only_for_the_runtime_it_names()
    {
        var node = KubeObject.FromJson("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"n1"},"status":{"nodeInfo":{"containerRuntimeVersion":"containerd://1.7.20"}}}""");

        var runtime = VersionReader.Read([node], [new(node, "runtimeEngine", "containerd")], []);
        var devicePlugin = VersionReader.Read([node], [new(node, "extendedResource", "nvidia.com/gpu")], []);

        Assert.Equal(["1.7.20"], runtime.Versions);
        Assert.Empty(devicePlugin.Versions);
        Assert.Null(devicePlugin.Source);
    }

    [Fact]
    public void Bundle_version_annotations_and_chart_labels_are_read_from_any_object()
    {
        var crd = KubeObject.FromJson("""{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"gateways.gateway.networking.k8s.io","annotations":{"gateway.networking.k8s.io/bundle-version":"v1.2.0"},"labels":{"helm.sh/chart":"gateway-crds-1.2.1"}}}""");

        var v = VersionReader.Read([crd], [], []);

        Assert.Equal(VersionSources.HelmChart, v.Source); // the chart is the more telling of the two
        Assert.Equal(["1.2.1"], v.Versions);
        Assert.Contains(v.Evidence, e => e.Source == VersionSources.BundleVersion && e.Version == "1.2.0");
    }

    [Fact]
    public void Each_object_gets_the_version_of_its_own_labels_when_values_alternate()
    {
        // Objects in a row often repeat a label value; the reading of one value must not leak to the
        // next. Evidence is ordered by version, then (locations being unknown) by its text.
        static KubeObject Labeled(string name, string app, string chart) =>
            KubeObject.FromJson("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"NAME","namespace":"x","labels":{"app.kubernetes.io/version":"APP","helm.sh/chart":"CHART"}}}"""
                .Replace("NAME", name, StringComparison.Ordinal).Replace("APP", app, StringComparison.Ordinal).Replace("CHART", chart, StringComparison.Ordinal));
        var objects = new[] { Labeled("a", "v1.0", "web-1.0.0"), Labeled("b", "1.0", "web-2.0.0"), Labeled("c", "v1.0", "web-1.0.0"), Labeled("d", "2.0", "web-1.0.0") };

        var v = VersionReader.Read(objects, [], []);

        Assert.Equal(
            [("a", "1.0.0", "helm.sh/chart=web-1.0.0"), ("c", "1.0.0", "helm.sh/chart=web-1.0.0"), ("d", "1.0.0", "helm.sh/chart=web-1.0.0"), ("b", "2.0.0", "helm.sh/chart=web-2.0.0")],
            v.Evidence.Where(e => e.Source == VersionSources.HelmChart).Select(e => (e.Object.Name, e.Version, e.Detail)));
        Assert.Equal(
            [("b", "1.0", "app.kubernetes.io/version=1.0"), ("a", "1.0", "app.kubernetes.io/version=v1.0"), ("c", "1.0", "app.kubernetes.io/version=v1.0"), ("d", "2.0", "app.kubernetes.io/version=2.0")],
            v.Evidence.Where(e => e.Source == VersionSources.AppVersionLabel).Select(e => (e.Object.Name, e.Version, e.Detail)));
    }

    private static KubeObject Deployment(string name, string image) =>
        KubeObject.FromJson("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"NAME","namespace":"x"},"spec":{"template":{"spec":{"containers":[{"name":"c","image":"IMAGE"}]}}}}""".Replace("NAME", name, StringComparison.Ordinal).Replace("IMAGE", image, StringComparison.Ordinal));
}
