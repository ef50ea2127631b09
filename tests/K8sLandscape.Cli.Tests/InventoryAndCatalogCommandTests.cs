using K8sLandscape.TestSupport;
using Newtonsoft.Json.Linq;

namespace K8sLandscape.Cli.Tests;

public class InventoryAndCatalogCommandTests
{
    private static readonly string Samples = Corpus.InRepository("samples/cluster");

    [Fact]
    public void Inventory_json_lists_components_with_their_objects_and_lines()
    {
        var run = CliRunner.Run("inventory", Samples, "--format", "json");
        var json = JObject.Parse(run.Stdout);

        // samples/README.md: broken.yaml holds two malformed documents, so the load has errors.
        Assert.Equal(1, run.ExitCode);
        var components = (JArray)json["components"]!;
        var calico = components.Single(c => (string?)c["id"] == "calico");
        Assert.Equal("Calico", (string?)calico["name"]);
        Assert.Equal("cni", (string?)calico["category"]);
        Assert.Contains("pod-network", calico["provides"]!.Select(p => (string?)p));
        var daemonSet = calico["objects"]!.Single(o => (string?)o["kind"] == "DaemonSet");
        Assert.Equal("apps/v1", (string?)daemonSet["apiVersion"]);
        Assert.Equal("kube-system", (string?)daemonSet["namespace"]);
        Assert.Equal("calico-node", (string?)daemonSet["name"]);
        Assert.EndsWith("samples/cluster/network.yaml", (string?)daemonSet["path"], StringComparison.Ordinal);
        Assert.Equal(2, (int)daemonSet["line"]!); // grep -n 'kind: DaemonSet' samples/cluster/network.yaml: the document starts at line 2
        Assert.Contains(components, c => (string?)c["id"] == "flannel");
        Assert.Contains(components, c => (string?)c["id"] == "strimzi");
    }

    [Fact]
    public void Inventory_text_marks_an_extension_point_with_more_than_one_implementation()
    {
        var run = CliRunner.Run("inventory", Samples);

        var line = run.Stdout.Split('\n').Single(l => l.Contains("[pod-network]", StringComparison.Ordinal));
        Assert.Contains("2 implementation(s)", line, StringComparison.Ordinal);
        Assert.Contains("more than one", line, StringComparison.Ordinal);
        Assert.Contains("broken.yaml:14:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_json_has_the_documented_fields_and_all_three_kafka_operators()
    {
        var run = CliRunner.Run("catalog", "--format", "json");
        var components = (JArray)JObject.Parse(run.Stdout)["components"]!;

        Assert.Equal(0, run.ExitCode);
        Assert.True(components.Count >= 80, $"{components.Count} components");
        Assert.True(components.Select(c => (string?)c["category"]).Distinct().Count() >= 12);
        foreach (var id in new[] { "strimzi", "koperator", "confluent-for-kubernetes" })
        {
            var c = components.Single(x => (string?)x["id"] == id);
            Assert.Contains("kafka", c["provides"]!.Select(p => (string?)p));
            Assert.Equal("built-in", (string?)c["origin"]);
            Assert.NotNull(c["fingerprints"]);
        }

        var ids = components.Select(c => (string)c["id"]!).ToList();
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), ids);
    }

    [Fact]
    public void A_user_catalog_adds_and_overrides_components()
    {
        using var dir = new TempFolder();
        var file = dir.Write("ours.yaml", """
            components:
            - id: acme-mesh
              name: ACME Mesh
              category: service-mesh
              provides: [service-mesh]
              fingerprints:
                images: [acme/mesh-proxy]
            - id: calico
              name: Calico (our fork)
              category: cni
              provides: [pod-network]
              fingerprints:
                images: [acme/calico-node]
            """);

        var run = CliRunner.Run("catalog", "--format", "json", "--catalog", file);
        var components = (JArray)JObject.Parse(run.Stdout)["components"]!;

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(file, (string?)components.Single(c => (string?)c["id"] == "acme-mesh")["origin"]);
        Assert.Equal("Calico (our fork)", (string?)components.Single(c => (string?)c["id"] == "calico")["name"]);
    }

    [Fact]
    public void A_bad_user_catalog_exits_2_naming_file_line_entry_and_field()
    {
        using var dir = new TempFolder();
        var file = dir.Write("bad.yaml", """
            components:
            - id: Not_Lowercase
              name: Broken
              category: cni
              fingerprints:
                images: [acme/x]
            """);

        var run = CliRunner.Run("catalog", "--catalog", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.yaml:2:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("id", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Inventory_uses_the_catalog_files_of_the_configuration()
    {
        using var dir = new TempFolder();
        dir.Write("ours.yaml", """
            components:
            - id: acme-kafka
              name: ACME Kafka operator
              category: operator
              provides: [kafka]
              fingerprints:
                workloads: [acme-kafka-operator]
            """);
        var config = dir.Write(".k8s-landscape.yaml", "catalog: [ours.yaml]\n");
        var manifest = dir.Write("m/op.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: acme-kafka-operator, namespace: kafka}
            spec:
              selector: {matchLabels: {app: x}}
              template:
                metadata: {labels: {app: x}}
                spec: {containers: [{name: op, image: acme/kafka-operator:1.0}]}
            """);

        var run = CliRunner.Run("inventory", manifest, "--format", "json", "--config", config);
        var components = (JArray)JObject.Parse(run.Stdout)["components"]!;

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("acme-kafka", (string?)Assert.Single(components)["id"]);
    }
}
