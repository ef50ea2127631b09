using System.Text.Json;
using K8sLandscape.Core.Tests.Loading;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Workloads;

namespace K8sLandscape.Core.Tests.Model.Workloads;

public class WorkloadReadTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            metadata:
              labels:
                app: web
            spec:
              schedulerName: bin-packer
              initContainers:
              - name: init
                image: busybox:1.36
              containers:
              - name: web
                image: nginx:1.27
                args: ["--port=8080"]
                env:
                - name: MODE
                  value: fast
                resources:
                  limits:
                    nvidia.com/gpu: 1
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        """;

    [Fact]
    public void The_loader_reads_a_workload_once_and_the_landscape_uses_that_instance()
    {
        var load = LoaderTestExtensions.Load(Deployment);
        var deployment = load.Objects.Single(o => o.Kind == "Deployment");

        var workload = Workload.From(deployment);
        Assert.NotNull(workload);
        Assert.Same(workload, Workload.From(deployment));
        Assert.Null(Workload.From(load.Objects.Single(o => o.Kind == "ConfigMap")));

        var landscape = Landscape.Build(load);
        Assert.Same(workload, Assert.Single(landscape.Workloads));
    }

    [Fact]
    public void Replicas_of_one_template_share_their_container_list_and_a_changed_image_does_not()
    {
        var yaml = string.Join("---\n", new[] { "nginx:1.27", "nginx:1.27", "nginx:1.28" }.Select((image, i) => $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: p{i}\nspec:\n  containers:\n  - name: web\n    image: {image}\n    resources:\n      requests:\n        cpu: 100m\n"));
        var workloads = LoaderTestExtensions.Load(yaml).Objects.Select(o => Workload.From(o)!).ToArray();

        Assert.Same(workloads[0].Containers, workloads[1].Containers);
        Assert.NotSame(workloads[0].Containers, workloads[2].Containers);
        Assert.Equal("nginx:1.28", workloads[2].Containers[0].Image);
        Assert.Equal("100m", workloads[2].Containers[0].Requests["cpu"]);
        Assert.Empty(workloads[0].HostPaths);
    }

    [Fact]
    public void A_workload_read_at_load_equals_one_read_from_an_object_made_in_code()
    {
        var loaded = Workload.From(LoaderTestExtensions.Load(Deployment).Objects[0])!;
        var body = JsonDocument.Parse(JsonSerializer.Serialize(LoaderTestExtensions.Load(Deployment).Objects[0].Body)).RootElement;
        var made = Workload.From(new KubeObject(body, new SourceSpan("code", 1, 1)))!;

        Assert.NotSame(loaded, made);
        Assert.Equal(made.Containers.Select(c => (c.Name, c.Image, c.IsInit, c.Path)), loaded.Containers.Select(c => (c.Name, c.Image, c.IsInit, c.Path)));
        Assert.Equal(["busybox:1.36", "nginx:1.27"], loaded.Images);
        Assert.Equal("bin-packer", loaded.SchedulerName);
        Assert.Equal("1", loaded.Containers[1].Limits["nvidia.com/gpu"]);
        Assert.Equal("fast", loaded.Containers[1].Env["MODE"]);
        Assert.Equal([("8080", "spec.template.spec.containers[0].args[0]")], loaded.FlagValues("--port"));
        Assert.Equal("web", loaded.TemplateLabels["app"]);
    }

    [Fact]
    public void Container_paths_name_each_container_by_its_position_past_the_first_sixteen()
    {
        // Paths of the first containers are made once and shared; later ones are made per pod.
        var containers = string.Join(", ", Enumerable.Range(0, 20).Select(i => $"{{name: c{i}, image: img{i}}}"));
        var pod = LoaderTestExtensions.Load($"apiVersion: v1\nkind: Pod\nmetadata: {{name: wide}}\nspec: {{initContainers: [{{name: i0, image: init}}], containers: [{containers}]}}\n").Objects.Single();

        var workload = Workload.From(pod)!;

        Assert.Equal(
            ["spec.initContainers[0]", .. Enumerable.Range(0, 20).Select(i => $"spec.containers[{i}]")],
            workload.Containers.Select(c => c.Path));
        Assert.Equal(["i0", .. Enumerable.Range(0, 20).Select(i => $"c{i}")], workload.Containers.Select(c => c.Name));
        Assert.Equal("img17", pod.GetString(workload.Containers[18].Path + ".image"));
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {tier: pod}}\nspec: {containers: [{name: c, image: i}]}\n", "metadata", "pod")]
    [InlineData("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, labels: {tier: own}}\nspec: {template: {metadata: {labels: {tier: tpl}}, spec: {containers: [{name: c, image: i}]}}}\n", "spec.template.metadata", "tpl")]
    [InlineData("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: j, labels: {tier: own}}\nspec: {jobTemplate: {spec: {template: {metadata: {labels: {tier: job}}, spec: {containers: [{name: c, image: i}]}}}}}\n", "spec.jobTemplate.spec.template.metadata", "job")]
    public void The_template_metadata_path_leads_to_the_labels_the_pods_get(string yaml, string path, string tier)
    {
        var obj = LoaderTestExtensions.Load(yaml).Objects.Single();

        var workload = Workload.From(obj)!;

        Assert.Equal(path, workload.TemplateMetadataPath);
        Assert.Equal(tier, workload.TemplateLabels["tier"]);
        Assert.Equal(tier, obj.GetString(path + ".labels.tier"));
    }
}
