using K8sLandscape.Loading;

namespace K8sLandscape.Core.Tests.Loading;

/// <summary>The producer thread and its bounded queue: same result as one thread, and a clean stop.</summary>
public class ParallelLoadTests
{
    private static string Stream(int documents) => string.Join("---\n", Enumerable.Range(0, documents).Select(i =>
        i % 97 == 13
            ? "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [broken\n"
            : $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c{i}\n  labels: {{app: a{i % 7}}}\ndata:\n  k: v{i}\n"));

    [Fact]
    public void Many_documents_load_in_input_order_with_the_same_objects_and_diagnostics_as_one_thread()
    {
        var text = Stream(2_000);

        var serial = new ManifestLoader(new LoaderOptions { MaxParallelism = 1 }).LoadString(text, "s.yaml");
        var parallel = new ManifestLoader(new LoaderOptions { MaxParallelism = 4 }).LoadString(text, "s.yaml");

        Assert.Equal(2_000 - 21, parallel.Objects.Count);
        Assert.Equal(serial.Objects.Select(o => (o.Name, o.Location)), parallel.Objects.Select(o => (o.Name, o.Location)));
        Assert.Equal(serial.Diagnostics.Select(d => (d.Code, d.Location.Line)), parallel.Diagnostics.Select(d => (d.Code, d.Location.Line)));
        Assert.Equal(21, parallel.Diagnostics.Count);
    }

    [Fact]
    public void Documents_larger_than_a_hand_over_load_alone_and_in_order_among_small_ones()
    {
        // Documents are handed to workers in batches bounded by count and by bytes: every 50th
        // document here (300 KB) is larger than a whole batch may hold.
        var big = new string('x', 300 * 1024);
        var text = string.Join("---\n", Enumerable.Range(0, 400).Select(i => i % 50 == 7
            ? $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big{i}\ndata:\n  k: {big}\n"
            : $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c{i}\n"));

        var parallel = new ManifestLoader(new LoaderOptions { MaxParallelism = 2 }).LoadString(text, "s.yaml");

        Assert.Empty(parallel.Diagnostics);
        Assert.Equal(Enumerable.Range(0, 400).Select(i => i % 50 == 7 ? $"big{i}" : $"c{i}"), parallel.Objects.Select(o => o.Name));
        Assert.Equal(big, parallel.Objects[57].GetString("data.k"));
        var lines = parallel.Objects.Select(o => o.Location.Line).ToList();
        Assert.Equal(lines.Order(), lines);
    }

    [Fact]
    public void A_cancelled_load_stops_with_OperationCanceledException()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kl-parallel-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            for (var i = 0; i < 50; i++) File.WriteAllText(Path.Combine(folder, $"f{i:D2}.yaml"), Stream(200));
            using var cts = new CancellationTokenSource();
            cts.Cancel();

            Assert.ThrowsAny<OperationCanceledException>(() => new ManifestLoader(new LoaderOptions { MaxParallelism = 2 }).Load(folder, cts.Token));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
