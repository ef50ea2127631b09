using K8sLandscape.Loading;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Core.Tests.Loading;

/// <summary>The hand-written fragmented cluster in samples/cluster (see samples/README.md).</summary>
public class SampleClusterTests
{
    private static LoadResult LoadSample() => new ManifestLoader().Load(Corpus.InRepository("samples/cluster"));

    [Fact]
    public void Only_the_planted_malformed_documents_are_reported()
    {
        var result = LoadSample();

        var actual = result.Diagnostics.Select(d => (Path.GetFileName(d.Location.Path), d.Code, d.Location.Line)).ToArray();
        Assert.Equal(
            [
                ("broken.yaml", LoadDiagnosticCodes.TabIndentation, 14),
                ("broken.yaml", LoadDiagnosticCodes.MissingName, 21),
            ],
            actual);
        Assert.Contains(result.Objects, o => o.Name == "survivor" && o.Location.Line == 2);
    }

    [Fact]
    public void Every_planted_object_loads()
    {
        var counts = LoadSample().CountByKind().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

        Assert.Equal(new Dictionary<string, int>
        {
            ["admissionregistration.k8s.io/v1/MutatingWebhookConfiguration"] = 2,
            ["apiextensions.k8s.io/v1/CustomResourceDefinition"] = 6,
            ["apps/v1/DaemonSet"] = 4,
            ["apps/v1/Deployment"] = 3,
            ["config.k8slandscape.io/v1/CniNetworkConfig"] = 2,
            ["config.k8slandscape.io/v1/ContainerdConfig"] = 1,
            ["networking.k8s.io/v1/NetworkPolicy"] = 1,
            ["node.k8s.io/v1/RuntimeClass"] = 1,
            ["nvidia.com/v1/ClusterPolicy"] = 1,
            ["storage.k8s.io/v1/CSIDriver"] = 1,
            ["storage.k8s.io/v1/StorageClass"] = 2,
            ["v1/ConfigMap"] = 3,
            ["v1/Namespace"] = 3,
            ["v1/Node"] = 3,
        }, counts);
    }

    [Fact]
    public void Planted_conflicts_are_visible_in_the_loaded_objects()
    {
        var objects = LoadSample().Objects;

        Assert.Equal(["k8s-pod-network", "cbr0"], objects.Where(o => o.Kind == ConfigKinds.CniConfig).Select(o => o.Name));
        Assert.Equal(2, objects.Count(o => o.Kind == "StorageClass" && o.Annotations.Keys.Any(k => k.EndsWith("is-default-class", StringComparison.Ordinal))));
        Assert.Equal(2, objects.Count(o => o.Kind == "CustomResourceDefinition" && o.TryGet("spec.names.shortNames", out var s) && s.EnumerateArray().Any(n => n.GetString() == "vs")));
        Assert.Equal(["containerd://1.7.20", "cri-o://1.30.4", "containerd://1.7.20"], objects.Where(o => o.Kind == "Node").Select(o => o.GetString("status.nodeInfo.containerRuntimeVersion")));
        Assert.Equal(["kube-prometheus-stack", "grafana"], objects.Where(o => o.Name == "grafana-dashboards").Select(o => o.Annotations["meta.helm.sh/release-name"]));
    }
}
