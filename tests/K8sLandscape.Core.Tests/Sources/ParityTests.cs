using System.Text.Json;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Sources;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Core.Tests.Sources;

/// <summary>The same objects read from files, from a (test) cluster and from a snapshot give the same landscape.</summary>
public class ParityTests
{
    private static readonly ClusterReadOptions ReadEverything = ClusterTestHost.FastOptions with
    {
        PageSize = 50,
        MaxConcurrency = 4,
        AllNamespacesForSystemScopedKinds = true,
    };

    [SkippableFact]
    public async Task Corpus_objects_served_by_a_cluster_give_the_same_landscape_as_the_files()
    {
        var expected = ClusterView(new ManifestLoader().Load(Corpus.Require()).Objects);
        Assert.True(expected.Count > 100, $"only {expected.Count} corpus objects of the cluster kinds");

        await using var host = await ClusterTestHost.StartAsync(expected);
        var result = await host.ReadAsync(ReadEverything);
        var read = result.Load.Objects.Where(o => o.DocumentClass == DocumentClass.KubernetesObject).ToArray();

        Assert.Equal(expected.Select(o => o.Ref).Order(), read.Select(o => o.Ref).Order());
        var byRef = expected.ToDictionary(o => o.Ref);
        foreach (var o in read.Where(o => o.Kind != "Secret"))
        {
            Assert.True(JsonElement.DeepEquals(byRef[o.Ref].Body, o.Body), $"{o.Ref}: the body read from the cluster differs from the file's");
        }

        var fromFiles = Landscape.Build(expected);
        var fromCluster = Landscape.Build(result.Load);
        Assert.Equal(fromFiles.Objects.All.Select(o => o.Ref).Order(), fromCluster.Objects.All.Where(o => o.DocumentClass == DocumentClass.KubernetesObject).Select(o => o.Ref).Order());
        Assert.Equal(fromFiles.Components.Select(c => c.Id), fromCluster.Components.Select(c => c.Id));
        Assert.Equal(fromFiles.Workloads.Count, fromCluster.Workloads.Count);
        Assert.Equal(fromFiles.Objects.Kinds, fromCluster.Objects.Kinds.Where(k => k.Group != ConfigKinds.Group && k.Kind != ConfigKinds.ServerVersion));
    }

    [SkippableFact]
    public async Task A_snapshot_of_the_corpus_cluster_reads_back_to_the_same_objects()
    {
        var expected = ClusterView(new ManifestLoader().Load(Corpus.Require()).Objects);
        await using var host = await ClusterTestHost.StartAsync(expected);
        var result = await host.ReadAsync(ReadEverything);

        AssertSnapshotRoundTrips(result);
    }

    [Fact]
    public async Task A_snapshot_reads_back_to_the_same_objects_and_findings_input()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        var result = await host.ReadAsync();

        var reread = AssertSnapshotRoundTrips(result);
        var live = Landscape.Build(result.Load);
        var offline = Landscape.Build(reread);
        Assert.Equal(live.Objects.All.Select(o => o.Ref), offline.Objects.All.Select(o => o.Ref));
        Assert.Equal(live.Components.Select(c => c.Id), offline.Components.Select(c => c.Id));
    }

    [Fact]
    public async Task A_snapshot_header_states_what_was_and_was_not_read()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        host.Server.InjectAlways("/api/v1/secrets", TestApiServer.ServerFault.Status(403));
        var result = await host.ReadAsync();
        using var text = new StringWriter();
        SnapshotWriter.Write(text, result.Load.Objects, result.Coverage);
        var header = text.ToString().Split("---\n")[0];

        Assert.Contains("# k8s-landscape snapshot of context 'test'", header, StringComparison.Ordinal);
        Assert.Contains("#   secrets (v1): DENIED (0 read)", header, StringComparison.Ordinal);
        Assert.Contains("#   deployments.apps (apps/v1): read 5", header, StringComparison.Ordinal);
        Assert.Contains("#   subscriptions.operators.coreos.com: not served", header, StringComparison.Ordinal);
        Assert.Contains("# k8s-landscape-source: cluster://test/apis/apps/v1/namespaces/kube-system/daemonsets/calico-node\napiVersion: apps/v1\nkind: DaemonSet\n", text.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// What a cluster serving these documents would return: objects of the kinds the cluster source
    /// reads, one per identity (the last document wins, as a later apply would), and for each kind
    /// only its newest version (the one discovery prefers).
    /// </summary>
    internal static List<KubeObject> ClusterView(IEnumerable<KubeObject> objects)
    {
        var candidates = objects.Where(o => o.DocumentClass == DocumentClass.KubernetesObject && ClusterKinds.Find(o.Group, o.Kind) is not null).ToArray();
        var newest = candidates.GroupBy(o => o.Gvk.GroupKind)
            .ToDictionary(g => g.Key, g => g.Select(o => o.Version).Distinct().Order(TestApiServer.VersionPriority.Instance).First());
        return candidates.Where(o => o.Version == newest[o.Gvk.GroupKind])
            .GroupBy(o => o.Ref).Select(g => g.Last())
            .ToList();
    }

    private static LoadResult AssertSnapshotRoundTrips(ClusterReadResult result)
    {
        using var text = new StringWriter();
        SnapshotWriter.Write(text, result.Load.Objects, result.Coverage);
        var reread = new ManifestLoader().LoadString(text.ToString(), "snapshot.yaml");

        Assert.Empty(reread.Diagnostics);
        Assert.Equal(result.Load.Objects.Count, reread.Objects.Count);
        for (var i = 0; i < reread.Objects.Count; i++)
        {
            var (live, offline) = (result.Load.Objects[i], reread.Objects[i]);
            Assert.Equal(live.Gvk, offline.Gvk);
            Assert.Equal(live.Ref, offline.Ref);
            Assert.Equal(live.DocumentClass, offline.DocumentClass);
            Assert.Null(offline.HelmSource);
            Assert.True(JsonElement.DeepEquals(live.Body, offline.Body), $"{live.Ref}: the snapshot reads back to a different body");
        }

        return reread;
    }
}
