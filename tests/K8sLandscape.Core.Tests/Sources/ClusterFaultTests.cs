using System.Diagnostics;
using K8sLandscape.Loading;
using K8sLandscape.Sources;
using K8sLandscape.TestApiServer;

namespace K8sLandscape.Core.Tests.Sources;

/// <summary>
/// A hostile or broken API server on loopback: answers of the wrong shape, lists without end,
/// oversized bodies, redirects to another host, a deadline for the scan. No answer crashes the scan
/// or passes for a complete read, and the wire shows only GETs to the one server.
/// </summary>
public class ClusterFaultTests
{
    private const string Deployments = "/apis/apps/v1/deployments";

    public static TheoryData<string, string> BadListBodies { get; } = new()
    {
        { "[]", "the answer is an array, not a list" },
        { "null", "the answer is null, not a list" },
        { "\"a string\"", "the answer is a string, not a list" },
        { """{"kind":"DeploymentList","items":null}""", "the list's items is null, not an array" },
        { """{"kind":"DeploymentList","items":{}}""", "the list's items is an object, not an array" },
        { """{"kind":"DeploymentList","metadata":{}}""", "the list has no items" },
        { """{"kind":"DeploymentList","metadata":{"continue":5},"items":[]}""", "the list's continue token is a number, not a string" },
        { """{"kind":"DeploymentList","metadata":"m","items":[]}""", "the list's metadata is a string, not an object" },
        { """{"kind":"DeploymentList","items":[{"metadata":{"name":"a"}},7]}""", "item 1 of the list is a number, not an object" },
    };

    [Theory]
    [MemberData(nameof(BadListBodies))]
    public async Task A_list_answer_of_the_wrong_shape_is_a_kind_not_read(string body, string reason)
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        host.Server.InjectAlways(Deployments, ServerFault.WithBody(body));
        var result = await host.ReadAsync();

        var deployments = result.Coverage.Kinds.Single(k => k.Kind.GroupResource == "deployments.apps");
        Assert.Equal(ClusterKindOutcome.Failed, deployments.Outcome);
        Assert.Contains(reason, deployments.Detail, StringComparison.Ordinal);
        Assert.Equal(0, deployments.Count);
        Assert.False(result.Coverage.IsComplete);
        var note = Assert.Single(result.Load.Diagnostics, d => d.Code == ClusterDiagnosticCodes.KindFailed);
        Assert.Contains(reason, note.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Load.Objects, o => o.Kind == "Deployment");
        Assert.Equal(2, result.Load.Objects.Count(o => o.Kind == "Node")); // the neighbours are read
        Assert.Single(host.Server.Requests, r => r.Path == Deployments); // a well-formed wrong answer is not asked again
        Assert.All(host.Server.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task A_list_answer_that_is_not_json_is_retried_then_not_read()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        host.Server.InjectAlways(Deployments, ServerFault.WithBody("{\"items\": [ {"));
        var result = await host.ReadAsync(ClusterTestHost.FastOptions with { MaxRetries = 2 });

        var deployments = result.Coverage.Failed.Single(k => k.Kind.Resource == "deployments");
        Assert.Contains("not valid JSON", deployments.Detail, StringComparison.Ordinal);
        Assert.Equal(3, host.Server.Requests.Count(r => r.Path == Deployments));
    }

    public static TheoryData<string, string, string[]> BadDiscoveryBodies { get; } = new()
    {
        { "/apis/apps/v1", "[]", ["deployments.apps", "daemonsets.apps"] },
        { "/apis/apps/v1", """{"kind":"APIResourceList"}""", ["deployments.apps"] },
        { "/api/v1", "null", ["nodes", "secrets"] },
        { "/apis", "\"groups\"", ["deployments.apps", "storageclasses.storage.k8s.io"] },
        { "/apis", """{"groups":{}}""", ["customresourcedefinitions.apiextensions.k8s.io"] },
    };

    [Theory]
    [MemberData(nameof(BadDiscoveryBodies))]
    public async Task A_discovery_answer_of_the_wrong_shape_fails_its_kinds_instead_of_hiding_them(string path, string body, string[] failed)
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        host.Server.InjectAlways(path, ServerFault.WithBody(body));
        var result = await host.ReadAsync();

        foreach (var kind in failed)
        {
            var status = result.Coverage.Kinds.Single(k => k.Kind.GroupResource == kind);
            Assert.Equal(ClusterKindOutcome.Failed, status.Outcome);
            Assert.StartsWith("discovery failed: " + path, status.Detail, StringComparison.Ordinal);
        }

        Assert.Contains(result.Load.Diagnostics, d => d.Code == ClusterDiagnosticCodes.DiscoveryFailed);
        Assert.False(result.Coverage.IsComplete);
        Assert.True(result.Coverage.Read.Count > 0); // whatever discovery did describe is still read
    }

    [Fact]
    public async Task A_server_that_repeats_its_continue_token_is_not_paged_forever()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        host.Server.InjectAlways(Deployments, ServerFault.WithBody("""{"kind":"DeploymentList","metadata":{"continue":"same"},"items":[{"metadata":{"name":"d","namespace":"a"}}]}"""));
        var result = await host.ReadAsync();

        var requests = host.Server.Requests.Where(r => r.Path == Deployments).ToArray();
        Assert.Equal([null, "same"], requests.Select(r => r.Query("continue")));
        var deployments = result.Coverage.Failed.Single(k => k.Kind.Resource == "deployments");
        Assert.Contains("repeated a continue token after 2 page(s)", deployments.Detail, StringComparison.Ordinal);
        Assert.Contains(result.Load.Diagnostics, d => d.Code == ClusterDiagnosticCodes.KindFailed && d.Message.Contains("repeated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_list_without_end_stops_at_the_page_limit()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        host.Server.InjectAlways(Deployments, ServerFault.Endless());
        var result = await host.ReadAsync(ClusterTestHost.FastOptions with { MaxPagesPerList = 25 });

        Assert.Equal(25, host.Server.Requests.Count(r => r.Path == Deployments));
        var deployments = result.Coverage.Failed.Single(k => k.Kind.Resource == "deployments");
        Assert.Contains("did not end after 25 page(s)", deployments.Detail, StringComparison.Ordinal);
        Assert.False(result.Coverage.IsComplete);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_huge_answer_is_not_read_past_the_limit(bool declareLength)
    {
        const long hugeBody = 1_900_000_000; // what buffered whole used to take 1.9 GB of memory
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        host.Server.InjectAlways(Deployments, ServerFault.Huge(hugeBody, declareLength));
        var result = await host.ReadAsync(ClusterTestHost.FastOptions with { MaxResponseBytes = 1 << 20 });

        var deployments = result.Coverage.Failed.Single(k => k.Kind.Resource == "deployments");
        Assert.Contains($"limit of {1 << 20} bytes for one answer", deployments.Detail, StringComparison.Ordinal);
        Assert.Single(host.Server.Requests, r => r.Path == Deployments); // too large stays too large: not asked again
        // What came off the socket, all requests together: the body was not read past the limit.
        // (What the server wrote is no measure: Kestrel drops writes to a closed connection silently.)
        Assert.True(result.Load.BytesRead < 8L << 20, $"{result.Load.BytesRead} bytes read");
        Assert.Equal(2, result.Load.Objects.Count(o => o.Kind == "Node"));
    }

    [Fact]
    public async Task The_byte_budget_of_a_scan_stops_every_request_after_it()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        host.Server.InjectAlways("/api/v1/nodes", ServerFault.Huge(32L << 20, declareLength: false));
        var result = await host.ReadAsync(ClusterTestHost.FastOptions with { MaxConcurrency = 1, MaxTotalBytes = 4L << 20 });

        // Nodes are the first list: everything listed after them would pass the budget.
        Assert.All(result.Coverage.Kinds.Where(k => k.Outcome != ClusterKindOutcome.NotServed), k =>
        {
            Assert.Equal(ClusterKindOutcome.Failed, k.Outcome);
            Assert.Contains("limit of 4194304 bytes in all", k.Detail, StringComparison.Ordinal);
        });
        var lists = host.Server.Requests.Where(r => r.QueryString.Contains("limit=", StringComparison.Ordinal)).Select(r => r.Path).ToArray();
        Assert.Equal(["/api/v1/nodes"], lists);
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_not_followed_and_is_a_coverage_note()
    {
        await using var other = await TestApiServer.TestApiServer.StartAsync(Fixtures.SmallCluster());
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        host.Server.InjectAlways(Deployments, ServerFault.Redirect(other.BaseAddress));
        var result = await host.ReadAsync();

        Assert.Empty(other.Requests);
        var deployments = result.Coverage.Failed.Single(k => k.Kind.Resource == "deployments");
        Assert.Contains($"redirected to {other.BaseAddress.GetLeftPart(UriPartial.Authority)}{Deployments}", deployments.Detail, StringComparison.Ordinal);
        Assert.Contains("not followed", deployments.Detail, StringComparison.Ordinal);
        Assert.Single(host.Server.Requests, r => r.Path == Deployments);
        Assert.Contains(result.Load.Diagnostics, d => d.Code == ClusterDiagnosticCodes.KindFailed && d.Message.Contains("redirected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_redirected_discovery_is_a_source_exception_and_nothing_reaches_the_other_host()
    {
        await using var other = await TestApiServer.TestApiServer.StartAsync(Fixtures.SmallCluster());
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        host.Server.InjectAlways("/api", ServerFault.Redirect(other.BaseAddress));

        var ex = await Assert.ThrowsAsync<ClusterSourceException>(() => host.ReadAsync());
        Assert.Contains("redirected to", ex.Message, StringComparison.Ordinal);
        Assert.Empty(other.Requests);
    }

    [Fact]
    public async Task A_refused_connection_fails_at_once_without_retries()
    {
        var folder = Directory.CreateTempSubdirectory("k8sl-refused-").FullName;
        var kubeconfig = TestApiServer.TestApiServer.WriteKubeconfig(Path.Combine(folder, "config"), TestApiServer.TestApiServer.UnusedLoopbackAddress().ToString(), "t");
        using var source = ClusterSource.Connect(new ClusterConnection(kubeconfig));

        // The default settings: five retries with backoff took 11-14 s when a refusal was retried.
        var clock = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<ClusterSourceException>(() => source.ReadAsync());
        clock.Stop();

        Assert.Contains("/api", ex.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task The_scan_deadline_ends_a_hanging_scan_with_what_was_read()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        host.Server.InjectAlways("/api/v1/nodes", ServerFault.Hang());

        var clock = Stopwatch.StartNew();
        var result = await host.ReadAsync(ClusterTestHost.FastOptions with { Timeout = TimeSpan.FromSeconds(3), RequestTimeout = TimeSpan.FromMinutes(5) });
        clock.Stop();

        var nodes = result.Coverage.Failed.Single(k => k.Kind.Resource == "nodes");
        Assert.Contains("the scan's deadline of 3 s passed", nodes.Detail, StringComparison.Ordinal);
        Assert.False(result.Coverage.IsComplete);
        Assert.Single(host.Server.Requests, r => r.Path == "/api/v1/nodes"); // not retried past the deadline
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_secret_keeps_only_the_annotations_rules_read_and_never_its_last_applied_configuration()
    {
        var secret = KubeObject.FromJson("""
            {"apiVersion":"v1","kind":"Secret","metadata":{"name":"db","namespace":"team-a","labels":{"app":"db"},"annotations":{
              "kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"v1\",\"data\":{\"password\":\"TEFTVC1BUFBMSUVELVNFQ1JFVA==\"},\"kind\":\"Secret\"}\n",
              "meta.helm.sh/release-name":"db","meta.helm.sh/release-namespace":"team-a",
              "k8s-landscape.io/ignore":"KL7001","k8s-landscape.io/ignore-reason":"reviewed",
              "vault.example.com/rendered":"TEFTVC1BUFBMSUVELVNFQ1JFVA=="}},
             "data":{"password":"TEFTVC1BUFBMSUVELVNFQ1JFVA=="}}
            """);
        var configMap = Fixtures.Obj("v1", "ConfigMap", "kube-system", "cfg", """ "data": { "a": "1" } """);
        await using var host = await ClusterTestHost.StartAsync([secret, configMap]);
        var result = await host.ReadAsync();

        Assert.All(host.Server.Requests.Where(r => r.Path.EndsWith("/secrets", StringComparison.Ordinal)), r => Assert.Equal(ApiClient.MetadataOnlyList, r.Accept));
        var read = Assert.Single(result.Load.Objects, o => o.Kind == "Secret");
        Assert.Equal(["k8s-landscape.io/ignore", "k8s-landscape.io/ignore-reason", "meta.helm.sh/release-name", "meta.helm.sh/release-namespace"], read.Annotations.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("db", read.Labels["app"]);

        using var snapshot = new StringWriter();
        SnapshotWriter.Write(snapshot, result.Load.Objects, result.Coverage);
        Assert.DoesNotContain("TEFTVC1BUFBMSUVELVNFQ1JFVA==", snapshot.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("last-applied-configuration", snapshot.ToString(), StringComparison.Ordinal);
        Assert.Contains("meta.helm.sh/release-name: db", snapshot.ToString(), StringComparison.Ordinal);
    }
}
