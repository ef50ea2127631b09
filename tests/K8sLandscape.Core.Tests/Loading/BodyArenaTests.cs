using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using K8sLandscape.Loading;

namespace K8sLandscape.Core.Tests.Loading;

public class BodyArenaTests
{
    [Fact]
    public void Small_bodies_share_one_block_and_keep_their_own_bytes()
    {
        var arena = new BodyArena();
        var a = arena.Keep("{\"a\":1}"u8);
        var b = arena.Keep("{\"b\":2}"u8);

        Assert.True(MemoryMarshal.TryGetArray(a, out var first));
        Assert.True(MemoryMarshal.TryGetArray(b, out var second));
        Assert.Same(first.Array, second.Array);
        Assert.Equal(BodyArena.BlockSize, first.Array!.Length);
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(a.Span));
        Assert.Equal("{\"b\":2}", Encoding.UTF8.GetString(b.Span));
    }

    [Fact]
    public void A_body_that_does_not_fit_starts_a_new_block_and_a_large_one_gets_its_own_array()
    {
        var arena = new BodyArena();
        var filler = arena.Keep(new byte[(1 << 16) - 1]);
        for (var i = 0; i < 15; i++) arena.Keep(new byte[(1 << 16) - 1]);
        var next = arena.Keep(new byte[100]);
        var large = arena.Keep(new byte[1 << 16]);

        MemoryMarshal.TryGetArray(filler, out var firstBlock);
        MemoryMarshal.TryGetArray(next, out var secondBlock);
        MemoryMarshal.TryGetArray(large, out var own);
        Assert.NotSame(firstBlock.Array, secondBlock.Array);
        Assert.Equal(0, secondBlock.Offset);
        Assert.Equal(1 << 16, own.Array!.Length);
    }

    [Fact]
    public void Loaded_objects_keep_their_bodies_in_shared_blocks_with_the_same_content()
    {
        var yaml = string.Join("---\n", Enumerable.Range(0, 3).Select(i => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c{i}\ndata:\n  k: v{i}\n"));
        var objects = LoaderTestExtensions.Load(yaml).Objects;

        Assert.Equal(3, objects.Count);
        MemoryMarshal.TryGetArray(objects[0].Json, out var first);
        MemoryMarshal.TryGetArray(objects[2].Json, out var third);
        Assert.Same(first.Array, third.Array);
        Assert.Equal("v2", JsonDocument.Parse(objects[2].Json).RootElement.GetProperty("data").GetProperty("k").GetString());
        Assert.Equal("c2", objects[2].Body.GetProperty("metadata").GetProperty("name").GetString());
    }
}
