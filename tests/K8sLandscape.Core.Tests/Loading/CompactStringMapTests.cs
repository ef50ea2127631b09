using K8sLandscape.Loading;

namespace K8sLandscape.Core.Tests.Loading;

public class CompactStringMapTests
{
    [Fact]
    public void Finds_each_key_and_keeps_document_order()
    {
        var map = new CompactStringMap(["app", "web", "tier", "front", "team", "a"]);

        Assert.Equal(3, map.Count);
        Assert.Equal("front", map["tier"]);
        Assert.True(map.ContainsKey("team"));
        Assert.False(map.TryGetValue("App", out _));
        Assert.Equal(["app", "tier", "team"], map.Keys);
        Assert.Equal(["web", "front", "a"], map.Values);
        Assert.Equal([new("app", "web"), new("tier", "front"), new("team", "a")], map.ToList<KeyValuePair<string, string>>());
        Assert.Throws<KeyNotFoundException>(() => map["missing"]);
    }

    [Fact]
    public void A_long_map_is_looked_up_by_hash_with_the_same_answers()
    {
        var pairs = Enumerable.Range(0, 40).SelectMany(i => new[] { $"k{i}", $"v{i}" }).ToArray();
        var map = new CompactStringMap(pairs);

        Assert.Equal(40, map.Count);
        Assert.Equal("v39", map["k39"]);
        Assert.False(map.ContainsKey("k40"));
        Assert.Equal("k0", map.Keys.First());
    }

    [Fact]
    public void Loaded_labels_share_their_strings_across_objects()
    {
        var yaml = string.Join("---\n", Enumerable.Range(0, 3).Select(i => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c{i}\n  namespace: team-a\n  labels:\n    app.kubernetes.io/name: web\n"));
        var objects = new ManifestLoader(new LoaderOptions { MaxParallelism = 1 }).LoadString(yaml, "t.yaml").Objects;

        Assert.Equal(3, objects.Count);
        Assert.All(objects, o => Assert.Equal("web", o.Labels["app.kubernetes.io/name"]));
        Assert.Same(objects[0].Labels.Keys.Single(), objects[2].Labels.Keys.Single());
        Assert.Same(objects[0].Labels.Values.Single(), objects[2].Labels.Values.Single());
        Assert.Same(objects[0].Namespace, objects[2].Namespace);
    }
    [Fact]
    public void Equal_label_maps_of_loaded_objects_are_one_instance_and_different_ones_are_not()
    {
        var yaml = string.Join("---\n", new[] { "web", "web", "db" }.Select((app, i) => $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: p{i}\n  labels:\n    app: {app}\n    tier: back\nspec:\n  containers:\n  - name: c\n    image: nginx\n"));
        var objects = new ManifestLoader(new LoaderOptions { MaxParallelism = 1 }).LoadString(yaml, "t.yaml").Objects;

        Assert.Same(objects[0].Labels, objects[1].Labels);
        Assert.NotSame(objects[0].Labels, objects[2].Labels);
        Assert.Equal("db", objects[2].Labels["app"]);
        Assert.Equal("back", objects[2].Labels["tier"]);
    }

    [Fact]
    public void A_finished_load_leaves_no_pooled_map_or_container_list_reachable()
    {
        var (map, containers) = LoadAndForget();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(map.IsAlive);
        Assert.False(containers.IsAlive);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (WeakReference Map, WeakReference Containers) LoadAndForget()
    {
        var yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    app: forget-me\nspec:\n  containers:\n  - name: c\n    image: nginx\n";
        var pod = new ManifestLoader(new LoaderOptions { MaxParallelism = 2 }).LoadString(yaml, "t.yaml").Objects.Single();
        return (new WeakReference(pod.Labels), new WeakReference(global::K8sLandscape.Model.Workloads.Workload.From(pod)!.Containers));
    }

    [Fact]
    public void The_content_comparer_tells_maps_apart_by_every_key_and_value_in_order()
    {
        var comparer = CompactStringMap.ContentComparer;
        var a = new CompactStringMap(["app", "web", "tier", "front"]);

        Assert.True(comparer.Equals(a, new CompactStringMap(["app", "web", "tier", "front"])));
        Assert.Equal(comparer.GetHashCode(a), comparer.GetHashCode(new CompactStringMap(["app", "web", "tier", "front"])));
        Assert.False(comparer.Equals(a, new CompactStringMap(["app", "web", "tier", "back"])));
        Assert.False(comparer.Equals(a, new CompactStringMap(["tier", "front", "app", "web"])));
        Assert.False(comparer.Equals(a, new CompactStringMap(["app", "web"])));
    }

    [Theory]
    [InlineData(false, "2")]
    [InlineData(true, "1")]
    public void A_repeated_key_keeps_its_first_position_and_the_last_or_first_value(bool firstWins, string expected)
    {
        var map = CompactStringMap.Create([new("a", "1"), new("b", "x"), new("a", "2")], firstWins);

        Assert.Equal(["a", "b"], map.Keys);
        Assert.Equal(expected, map["a"]);
    }

    [Fact]
    public void A_long_map_with_repeats_dedups_by_hash()
    {
        var entries = Enumerable.Range(0, 30).Select(i => new KeyValuePair<string, string>($"k{i % 20}", $"v{i}")).ToList();

        var map = CompactStringMap.Create(entries);

        Assert.Equal(20, map.Count);
        Assert.Equal("v25", map["k5"]);
        Assert.Equal("k0", map.Keys.First());
        Assert.Same(KubeObject.EmptyMap, CompactStringMap.Create([]));
    }

    [Fact]
    public void Pod_template_env_keeps_the_first_of_a_repeated_name_as_Kubernetes_does()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata: { name: p, namespace: a }
            spec:
              containers:
                - name: c
                  image: busybox
                  env:
                    - { name: MODE, value: first }
                    - { name: MODE, value: second }
                    - { name: OTHER, value: x }
            """;
        var landscape = K8sLandscape.Model.Landscape.Build(new ManifestLoader().LoadString(yaml, "p.yaml"));

        var env = Assert.Single(Assert.Single(landscape.Workloads).Containers).Env;
        Assert.Equal("first", env["MODE"]);
        Assert.Equal(2, env.Count);
    }
}
