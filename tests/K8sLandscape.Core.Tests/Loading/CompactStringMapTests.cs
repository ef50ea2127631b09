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
}
