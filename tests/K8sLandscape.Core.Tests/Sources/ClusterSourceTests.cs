using System.Text.Json;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Sources;
using K8sLandscape.TestApiServer;

namespace K8sLandscape.Core.Tests.Sources;

public class ClusterSourceTests
{
    [Fact]
    public async Task Every_request_is_a_GET_with_the_kubeconfig_token()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        var result = await host.ReadAsync();

        Assert.NotEmpty(host.Server.Requests);
        Assert.All(host.Server.Requests, r => Assert.Equal("GET", r.Method));
        Assert.All(host.Server.Requests, r => Assert.Equal("Bearer test-token", r.Authorization));
        Assert.Equal(host.Server.Requests.Count, result.Coverage.Requests);
    }

    [Fact]
    public async Task Secrets_are_listed_metadata_only_and_their_data_never_arrives()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        var result = await host.ReadAsync();

        var secretRequests = host.Server.Requests.Where(r => r.Path == "/api/v1/secrets").ToArray();
        Assert.NotEmpty(secretRequests);
        Assert.All(secretRequests, r => Assert.Equal("application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1", r.Accept));
        Assert.All(host.Server.Requests.Where(r => !r.Path.EndsWith("/secrets", StringComparison.Ordinal)), r => Assert.Equal("application/json", r.Accept));

        var secrets = result.Load.Objects.Where(o => o.Kind == "Secret").ToArray();
        Assert.Equal(3, secrets.Length);
        Assert.All(secrets, s => Assert.Equal(["apiVersion", "kind", "metadata"], s.Body.EnumerateObject().Select(p => p.Name)));
        Assert.All(secrets, s => Assert.Equal("v1", s.ApiVersion));
        Assert.DoesNotContain(result.Load.Objects, o => o.Body.GetRawText().Contains("SECRET-PAYLOAD", StringComparison.Ordinal) || o.Body.GetRawText().Contains("aHVudGVyMg==", StringComparison.Ordinal));

        var release = Assert.Single(HelmReleaseSecret.ReadAll(result.Load.Objects));
        Assert.Equal(("web", "team-a", "deployed", 3), (release.Name, release.Namespace, release.Status, release.Revision));
    }

    [Fact]
    public async Task Pagination_is_followed_to_the_end()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        var result = await host.ReadAsync(ClusterTestHost.FastOptions with { PageSize = 2 });

        var pages = host.Server.Requests.Where(r => r.Path == "/apis/apps/v1/deployments").ToArray();
        Assert.Equal(3, pages.Length); // 5 deployments, 2 a page
        Assert.All(pages, p => Assert.Equal("2", p.Query("limit")));
        Assert.Null(pages[0].Query("continue"));
        Assert.NotNull(pages[1].Query("continue"));
        Assert.NotNull(pages[2].Query("continue"));
        Assert.Equal(new[] { "team-a/api", "team-a/cron-ui", "team-a/web", "team-a/worker", "kube-system/coredns" }.Order(StringComparer.Ordinal),
            result.Load.Objects.Where(o => o.Kind == "Deployment").Select(o => $"{o.Namespace}/{o.Name}").Order(StringComparer.Ordinal));
        Assert.Equal(5, result.Coverage.Read.Single(k => k.Kind.Resource == "deployments").Count);
    }

    [Fact]
    public async Task A_forbidden_kind_is_reported_and_the_rest_is_read_and_analyzed()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        host.Server.InjectAlways("/api/v1/secrets", ServerFault.Status(403));
        var result = await host.ReadAsync();

        var denied = Assert.Single(result.Coverage.Denied);
        Assert.Equal("secrets", denied.Kind.GroupResource);
        Assert.Contains("cannot list", denied.Detail, StringComparison.Ordinal);
        Assert.False(result.Coverage.IsComplete);
        var diagnostic = Assert.Single(result.Load.Diagnostics, d => d.Code == ClusterDiagnosticCodes.KindDenied);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("cluster://test/api/v1/secrets", diagnostic.Location.Path);

        Assert.Contains(result.Coverage.Read, k => k.Kind.Resource == "deployments" && k.Count == 5);
        var landscape = Landscape.Build(result.Load);
        Assert.Equal(5, landscape.Objects.OfKind("apps", "Deployment").Count);
        Assert.Empty(landscape.Objects.OfKind(string.Empty, "Secret"));
        Assert.Contains(landscape.LoadDiagnostics, d => d.Code == ClusterDiagnosticCodes.KindDenied);
    }

    [Fact]
    public async Task Kinds_the_server_does_not_serve_are_counted_not_reported()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        host.Server.InjectAlways("/apis/storage.k8s.io/v1/csidrivers", ServerFault.Status(404));
        var result = await host.ReadAsync();

        var missing = result.Coverage.Missing.Select(k => k.Kind.GroupResource).ToArray();
        Assert.Contains("subscriptions.operators.coreos.com", missing);
        Assert.Contains("applications.core.oam.dev", missing);
        Assert.Contains("csidrivers.storage.k8s.io", missing);
        Assert.DoesNotContain("deployments.apps", missing);
        // An extension that is not installed is no gap in what was read: no diagnostic, nothing to find.
        Assert.Empty(result.Load.Diagnostics);
        Assert.True(result.Coverage.IsComplete);
        Assert.False(result.Load.HasErrors);
    }

    [Fact]
    public async Task An_expired_continue_token_restarts_the_list_from_the_beginning()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        host.Server.Inject("/apis/apps/v1/deployments", ServerFault.ExpiredContinue());
        var result = await host.ReadAsync(ClusterTestHost.FastOptions with { PageSize = 2 });

        var pages = host.Server.Requests.Where(r => r.Path == "/apis/apps/v1/deployments").Select(r => r.Query("continue") is null ? "first" : "next").ToArray();
        Assert.Equal(["first", "next", "first", "next", "next"], pages);
        Assert.Equal(1, result.Coverage.ListRestarts);
        var deployments = result.Load.Objects.Where(o => o.Kind == "Deployment").Select(o => o.Ref).ToArray();
        Assert.Equal(5, deployments.Length);
        Assert.Equal(5, deployments.Distinct().Count());
    }

    [Fact]
    public async Task Throttling_and_server_errors_are_retried_until_they_succeed()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        host.Server.Inject("/apis/apps/v1/deployments", ServerFault.Status(429), times: 2);
        host.Server.Inject("/api/v1/nodes", ServerFault.Status(500), times: 2);
        host.Server.Inject("/apis", ServerFault.Status(503));
        var result = await host.ReadAsync();

        Assert.Equal(5, result.Coverage.Retries);
        Assert.True(result.Coverage.IsComplete);
        Assert.DoesNotContain(result.Load.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
        Assert.Equal(5, result.Load.Objects.Count(o => o.Kind == "Deployment"));
        Assert.Equal(2, result.Load.Objects.Count(o => o.Kind == "Node"));
    }

    [Fact]
    public async Task A_kind_that_keeps_failing_is_reported_and_the_scan_goes_on()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        host.Server.InjectAlways("/apis/apps/v1/daemonsets", ServerFault.Status(500));
        var result = await host.ReadAsync(ClusterTestHost.FastOptions with { MaxRetries = 2 });

        var failed = Assert.Single(result.Coverage.Failed);
        Assert.Equal("daemonsets.apps", failed.Kind.GroupResource);
        Assert.Equal(3, host.Server.Requests.Count(r => r.Path == "/apis/apps/v1/daemonsets"));
        var diagnostic = Assert.Single(result.Load.Diagnostics, d => d.Code == ClusterDiagnosticCodes.KindFailed);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(5, result.Load.Objects.Count(o => o.Kind == "Deployment"));
    }

    [Fact]
    public async Task A_request_that_gets_no_answer_is_abandoned_and_retried()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        host.Server.Inject("/api/v1/namespaces", ServerFault.Hang());
        var result = await host.ReadAsync(ClusterTestHost.FastOptions with { RequestTimeout = TimeSpan.FromMilliseconds(300) });

        Assert.True(result.Coverage.Retries >= 1);
        Assert.Equal(2, result.Load.Objects.Count(o => o.Kind == "Namespace"));
        Assert.True(result.Coverage.IsComplete);
    }

    [Fact]
    public async Task Cancellation_stops_the_scan()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        host.Server.InjectAlways("/api/v1/nodes", ServerFault.Hang());
        using var cts = new CancellationTokenSource();
        using var source = host.Connect();
        var scan = source.ReadAsync(ClusterTestHost.FastOptions with { MaxConcurrency = 1 }, cts.Token);
        await host.Server.WhenRequested("/api/v1/nodes");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scan);
        // Nodes are the first list; with one request at a time nothing after them was asked for.
        var lists = host.Server.Requests.Where(r => r.QueryString.Contains("limit=", StringComparison.Ordinal)).Select(r => r.Path).Distinct().ToArray();
        Assert.Equal(["/api/v1/nodes"], lists);
    }

    [Fact]
    public async Task Objects_carry_their_cluster_location_and_apiVersion_and_kind()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        var result = await host.ReadAsync();

        var calico = Assert.Single(result.Load.Objects, o => o.Name == "calico-node");
        Assert.Equal(new SourceSpan("cluster://test/apis/apps/v1/namespaces/kube-system/daemonsets/calico-node", 0, 0), calico.Location);
        Assert.Equal(new GroupVersionKind("apps", "v1", "DaemonSet"), calico.Gvk);
        Assert.Equal("apps/v1", calico.Body.GetProperty("apiVersion").GetString());
        var node = Assert.Single(result.Load.Objects, o => o.Name == "node-a");
        Assert.Equal("cluster://test/api/v1/nodes/node-a", node.Location.Path);
        Assert.Equal(["cluster://test/"], result.Load.Sources);
    }

    [Fact]
    public async Task The_server_version_is_read_and_kept_as_a_discovery_document()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster(), new TestApiServerOptions { GitVersion = "v1.31.4" });
        var result = await host.ReadAsync();

        Assert.Equal("v1.31.4", result.Coverage.ServerVersion);
        var version = result.Load.Objects[0];
        Assert.Equal(DocumentClass.Discovery, version.DocumentClass);
        Assert.Equal(ConfigKinds.ServerVersion, version.Kind);
        Assert.Equal("v1.31.4", version.Name);
    }

    [Fact]
    public async Task Discovery_reads_only_the_groups_the_kind_list_needs_at_their_preferred_version()
    {
        var objects = Fixtures.SmallCluster().Append(Fixtures.Obj("example.com/v1", "Widget", "team-a", "w"))
            .Append(Fixtures.Obj("storage.k8s.io/v1beta1", "StorageClass", null, "old"));
        await using var host = await ClusterTestHost.StartAsync(objects);
        var result = await host.ReadAsync();

        var paths = host.Server.Requests.Select(r => r.Path).ToArray();
        Assert.DoesNotContain(paths, p => p.StartsWith("/apis/example.com", StringComparison.Ordinal));
        Assert.Contains("/apis/storage.k8s.io/v1", paths);
        // v1beta1's discovery may be read (csinodes is in no version here), but nothing is listed at it.
        Assert.DoesNotContain(paths, p => p.StartsWith("/apis/storage.k8s.io/v1beta1/", StringComparison.Ordinal));
        Assert.Equal("storage.k8s.io/v1", result.Coverage.Read.Single(k => k.Kind.Resource == "storageclasses").ApiVersion);
    }

    [Fact]
    public async Task Config_maps_are_read_only_in_system_namespaces_unless_asked()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        var scoped = await host.ReadAsync();
        Assert.Equal(["calico-config"], scoped.Load.Objects.Where(o => o.Kind == "ConfigMap").Select(o => o.Name));
        Assert.DoesNotContain(host.Server.Requests, r => r.Path == "/api/v1/configmaps");
        Assert.Contains(host.Server.Requests, r => r.Path == "/api/v1/namespaces/kube-system/configmaps");

        var all = await host.ReadAsync(ClusterTestHost.FastOptions with { AllNamespacesForSystemScopedKinds = true });
        Assert.Equal(["calico-config", "app-settings"], all.Load.Objects.Where(o => o.Kind == "ConfigMap").Select(o => o.Name));
    }

    [Fact]
    public async Task Namespaces_restrict_namespaced_kinds_and_leave_cluster_kinds_alone()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        var result = await host.ReadAsync(ClusterTestHost.FastOptions with { Namespaces = ["team-a"] });

        Assert.Equal(["team-a"], result.Coverage.Namespaces);
        Assert.All(result.Load.Objects.Where(o => o.Namespace is not null), o => Assert.Equal("team-a", o.Namespace));
        Assert.Equal(2, result.Load.Objects.Count(o => o.Kind == "Node"));
        Assert.Contains(host.Server.Requests, r => r.Path == "/apis/apps/v1/namespaces/team-a/deployments");
        // ConfigMaps are read in system namespaces only, and team-a is not one.
        Assert.Equal(ClusterKindOutcome.Skipped, result.Coverage.Kinds.Single(k => k.Kind.Resource == "configmaps").Outcome);
    }

    [Fact]
    public async Task Pods_can_be_left_out()
    {
        var objects = Fixtures.SmallCluster().Append(Fixtures.Obj("v1", "Pod", "team-a", "web-1"));
        await using var host = await ClusterTestHost.StartAsync(objects);
        var with = await host.ReadAsync();
        Assert.Single(with.Load.Objects, o => o.Kind == "Pod");

        var without = await host.ReadAsync(ClusterTestHost.FastOptions with { IncludePods = false });
        Assert.DoesNotContain(without.Load.Objects, o => o.Kind == "Pod");
        Assert.Single(without.Coverage.Skipped, k => k.Kind.Resource == "pods");
    }

    [Fact]
    public async Task A_server_without_metadata_only_lists_fails_the_secrets_instead_of_sending_their_data()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster(), new TestApiServerOptions { SupportsMetadataOnly = false });
        var result = await host.ReadAsync();

        Assert.Equal("secrets", Assert.Single(result.Coverage.Failed).Kind.GroupResource);
        Assert.DoesNotContain(result.Load.Objects, o => o.Kind == "Secret");
    }

    [Fact]
    public async Task The_coverage_adds_up()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        var result = await host.ReadAsync();

        Assert.Equal(ClusterKinds.All, result.Coverage.Kinds.Select(k => k.Kind));
        Assert.Equal(result.Load.Objects.Count(o => o.DocumentClass == DocumentClass.KubernetesObject), result.Coverage.ObjectCount);
        Assert.Equal(ClusterKinds.All.Count, result.Coverage.Read.Count + result.Coverage.Missing.Count);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_source_exception()
    {
        var folder = Directory.CreateTempSubdirectory("k8sl-gone-").FullName;
        try
        {
            var kubeconfig = Path.Combine(folder, "config");
            await using (var host = await ClusterTestHost.StartAsync([]))
            {
                File.Copy(host.Kubeconfig, kubeconfig);
            }

            using var source = ClusterSource.Connect(new ClusterConnection(kubeconfig));
            var ex = await Assert.ThrowsAsync<ClusterSourceException>(() => source.ReadAsync(ClusterTestHost.FastOptions with { MaxRetries = 0 }));
            Assert.Contains("/api", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_missing_kubeconfig_file_or_context_is_a_source_exception()
    {
        Assert.Throws<ClusterSourceException>(() => new ClusterConnection("/nonexistent/kubeconfig").Resolve());
    }

    [Fact]
    public async Task The_context_named_on_the_command_line_is_used_in_locations()
    {
        await using var host = await ClusterTestHost.StartAsync(Fixtures.SmallCluster());
        var (configuration, context) = new ClusterConnection(host.Kubeconfig, "test").Resolve();
        Assert.Equal("test", context);
        Assert.StartsWith("http://127.0.0.1:", configuration.Host, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bodies_are_the_objects_as_served()
    {
        var objects = Fixtures.SmallCluster();
        await using var host = await ClusterTestHost.StartAsync(objects);
        var result = await host.ReadAsync();

        foreach (var o in result.Load.Objects.Where(o => o.DocumentClass == DocumentClass.KubernetesObject && o.Kind != "Secret"))
        {
            var original = Assert.Single(objects, x => x.Ref == o.Ref);
            Assert.True(JsonElement.DeepEquals(original.Body, o.Body), $"{o.Ref} differs");
        }
    }
}
