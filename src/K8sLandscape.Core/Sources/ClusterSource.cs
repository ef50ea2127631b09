using System.Text.Json;
using k8s;
using K8sLandscape.Loading;

namespace K8sLandscape.Sources;

/// <summary>
/// Reads a live cluster, read-only, through KubernetesClient: discovery first, then one paginated
/// list per kind of the kind list that the server serves, a few at a time, with retries. Secrets are
/// read metadata only, and their annotations dropped but for those rules read. A kind that cannot be
/// read becomes a coverage diagnostic and the scan goes on. No answer is trusted: its shape is checked
/// before it counts as read, its size and the pages of a list are bounded, redirects are not followed,
/// and <see cref="ClusterReadOptions.Timeout"/> bounds the whole scan.
/// </summary>
public sealed class ClusterSource : IDisposable
{
    private readonly Kubernetes _client;

    /// <summary>Creates a source from a KubernetesClient configuration.</summary>
    /// <param name="configuration">Server, TLS and credentials.</param>
    /// <param name="contextName">The context name used in locations (<c>cluster://&lt;context&gt;/...</c>).</param>
    public ClusterSource(KubernetesClientConfiguration configuration, string contextName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(contextName);
        var setup = configuration.FirstMessageHandlerSetup;
        configuration.FirstMessageHandlerSetup = handler =>
        {
            setup?.Invoke(handler);
            // Redirects are reported, never followed: the credentials would travel with them.
            handler.AllowAutoRedirect = false;
            // An answer abandoned (too large, a redirect) closes its connection rather than being read to its end.
            handler.MaxResponseDrainSize = 0;
        };
        _client = new Kubernetes(configuration);
        ContextName = contextName;
    }

    /// <summary>The context name used in locations.</summary>
    public string ContextName { get; }

    /// <summary>The API server address.</summary>
    public Uri Server => _client.BaseUri;

    /// <summary>Connects the way kubectl would (see <see cref="ClusterConnection"/>).</summary>
    /// <exception cref="ClusterSourceException">No usable configuration.</exception>
    public static ClusterSource Connect(ClusterConnection? connection = null)
    {
        var (configuration, context, origin) = (connection ?? new ClusterConnection()).ResolveWithOrigin();
        // Certificates are decoded and files they name are read here.
        return ClusterConnection.Guard(origin, () => new ClusterSource(configuration, context));
    }

    /// <summary>Reads the cluster.</summary>
    /// <exception cref="ClusterSourceException">The API server cannot be reached or refuses discovery.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; no request is started after that.</exception>
    public async Task<ClusterReadResult> ReadAsync(ClusterReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= ClusterReadOptions.Default;
        options.Validate();
        using var deadline = new CancellationTokenSource();
        if (options.Timeout is { } timeout) deadline.CancelAfter(timeout);
        var api = new ApiClient(_client, options, deadline.Token);
        var discovery = await new DiscoveryReader(api, options, p => ClusterLocation.For(ContextName, p)).ReadAsync(cancellationToken).ConfigureAwait(false);

        var userNamespaces = options.Namespaces.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var statuses = new ClusterKindStatus?[options.Kinds.Count];
        var jobs = new List<ListJob>();
        for (var i = 0; i < options.Kinds.Count; i++)
        {
            var kind = options.Kinds[i];
            if (!options.IncludePods && kind.Group.Length == 0 && kind.Resource == ClusterKinds.Pods.Resource)
            {
                statuses[i] = new ClusterKindStatus(kind, null, ClusterKindOutcome.Skipped, 0, "pods were not asked for");
                continue;
            }

            if (!discovery.Served.TryGetValue((kind.Group, kind.Resource), out var served))
            {
                statuses[i] = discovery.FailedGroups.TryGetValue(kind.Group, out var why)
                    ? new ClusterKindStatus(kind, null, ClusterKindOutcome.Failed, 0, "discovery failed: " + why)
                    : new ClusterKindStatus(kind, null, ClusterKindOutcome.NotServed, 0, "not served by this cluster");
                continue;
            }

            var namespaces = NamespacesFor(kind, served, userNamespaces, options);
            if (namespaces.Count == 0)
            {
                statuses[i] = new ClusterKindStatus(kind, served.ApiVersion, ClusterKindOutcome.Skipped, 0, "read only in system namespaces, none of which was asked for");
                continue;
            }

            foreach (var ns in namespaces) jobs.Add(new ListJob(i, kind, served, ns));
        }

        var outcomes = new ListOutcome[jobs.Count];
        var restarts = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, jobs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken },
            async (j, token) =>
            {
                var (outcome, restarted) = await ListAsync(api, jobs[j], options, token).ConfigureAwait(false);
                outcomes[j] = outcome;
                Interlocked.Add(ref restarts, restarted);
            }).ConfigureAwait(false);

        var objects = new List<KubeObject>();
        var diagnostics = new List<LoadDiagnostic>(discovery.Diagnostics);
        if (discovery.Version is { } version && version.TryGetProperty("gitVersion", out var git) && git.ValueKind == JsonValueKind.String)
        {
            objects.Add(new KubeObject(version, new SourceSpan(ClusterLocation.For(ContextName, "/version"), 0, 0), DocumentClass.Discovery, null, null, GroupVersionKind.FromApiVersion("v1", ConfigKinds.ServerVersion), git.GetString()));
        }

        var byKind = outcomes.GroupBy(o => o.Job.KindIndex).ToDictionary(g => g.Key, g => g.ToArray());
        for (var i = 0; i < options.Kinds.Count; i++)
        {
            var kind = options.Kinds[i];
            if (statuses[i] is { } early)
            {
                AddDiagnostic(diagnostics, early, kind.Group.Length == 0 ? "/api/v1" : "/apis/" + kind.Group);
                continue;
            }

            var parts = byKind[i];
            var items = parts.SelectMany(p => p.Objects)
                .OrderBy(o => o.Namespace ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(o => o.Name, StringComparer.Ordinal)
                .ToArray();
            objects.AddRange(items);
            var worst = parts.Select(p => p.Outcome).Max();
            var problems = parts.Where(p => p.Outcome != ClusterKindOutcome.Read).ToArray();
            string? detail = problems.Length switch
            {
                0 => null,
                1 => problems[0].Problem,
                _ => $"{problems[0].Problem} (and {problems.Length - 1} more namespace(s): {string.Join(", ", problems.Skip(1).Select(p => p.Job.Namespace))})",
            };
            var status = new ClusterKindStatus(kind, parts[0].Job.Served.ApiVersion, worst, items.Length, detail);
            statuses[i] = status;
            AddDiagnostic(diagnostics, status, "/" + (problems.Length > 0 ? problems[0].Job : parts[0].Job).Served.ListPath((problems.Length > 0 ? problems[0].Job : parts[0].Job).Namespace));
        }

        var coverage = new ClusterCoverage(
            ContextName,
            api.Server,
            discovery.Version is { } v && v.TryGetProperty("gitVersion", out var gv) && gv.ValueKind == JsonValueKind.String ? gv.GetString() : null,
            userNamespaces,
            statuses.Select(s => s!).ToArray(),
            api.Requests,
            api.Retries,
            restarts);
        var load = new LoadResult(objects, diagnostics, [ClusterLocation.For(ContextName, "/")], api.BytesRead);
        return new ClusterReadResult(load, coverage);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private static List<string?> NamespacesFor(ClusterKind kind, ServedResource served, string[] userNamespaces, ClusterReadOptions options)
    {
        if (!served.Namespaced) return [null];
        if (kind.Scope == ClusterNamespaceScope.SystemNamespaces && !options.AllNamespacesForSystemScopedKinds)
        {
            var system = options.SystemNamespaces.Distinct(StringComparer.Ordinal);
            if (userNamespaces.Length > 0) system = system.Intersect(userNamespaces, StringComparer.Ordinal);
            return system.Order(StringComparer.Ordinal).Cast<string?>().ToList();
        }

        return userNamespaces.Length > 0 ? userNamespaces.Cast<string?>().ToList() : [null];
    }

    private async Task<(ListOutcome Outcome, int Restarts)> ListAsync(ApiClient api, ListJob job, ClusterReadOptions options, CancellationToken ct)
    {
        var metadataOnly = job.Kind.Access == ClusterKindAccess.MetadataOnly;
        var accept = metadataOnly ? ApiClient.MetadataOnlyList : ApiClient.Json;
        var path = job.Served.ListPath(job.Namespace);
        var items = new List<KubeObject>();
        var restarts = 0;
        string? continueToken = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pages = 0;
        while (true)
        {
            pages++;
            var query = $"?limit={options.PageSize}" + (continueToken is null ? string.Empty : "&continue=" + Uri.EscapeDataString(continueToken));
            using var response = await api.GetAsync(path + query, accept, ct).ConfigureAwait(false);
            if (!response.Success)
            {
                if (response.StatusCode == 410 && continueToken is not null && restarts < options.MaxListRestarts)
                {
                    // The continue token outlived the server's compaction window: the list is only
                    // consistent from one snapshot, so start it again rather than stitch two together.
                    restarts++;
                    items.Clear();
                    seen.Clear();
                    pages = 0;
                    continueToken = null;
                    continue;
                }

                var outcome = response.StatusCode switch
                {
                    401 or 403 => ClusterKindOutcome.Denied,
                    // A later page that is not found is a list cut short, not a kind the cluster lacks.
                    404 when continueToken is null => ClusterKindOutcome.NotServed,
                    _ => ClusterKindOutcome.Failed,
                };
                return (new ListOutcome(job, items, outcome, response.Describe()), restarts);
            }

            var root = response.Body!.RootElement;
            if (ListShapeProblem(root, metadataOnly) is { } problem)
            {
                return (new ListOutcome(job, items, ClusterKindOutcome.Failed, problem + "; the answer was discarded"), restarts);
            }

            foreach (var item in root.GetProperty("items").EnumerateArray())
            {
                items.Add(ListItems.ToObject(item, job.Served, metadataOnly, ContextName));
            }

            continueToken = root.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("continue", out var c) && c.GetString() is { Length: > 0 } token
                ? token
                : null;
            if (continueToken is not null && !seen.Add(continueToken))
            {
                return (new ListOutcome(job, items, ClusterKindOutcome.Failed, $"the server repeated a continue token after {pages} page(s); the list was stopped"), restarts);
            }

            if (continueToken is not null && pages >= options.MaxPagesPerList)
            {
                return (new ListOutcome(job, items, ClusterKindOutcome.Failed, $"the list did not end after {pages} page(s), the limit; it was stopped"), restarts);
            }

            if (continueToken is null) return (new ListOutcome(job, items, ClusterKindOutcome.Read, null), restarts);
        }
    }

    /// <summary>
    /// What makes a list answer unusable, or null: anything but an object whose <c>items</c> is an
    /// array of objects, whose <c>metadata</c> is an object and whose <c>continue</c> is a string.
    /// Such an answer is never taken as a complete (or empty) list.
    /// </summary>
    private static string? ListShapeProblem(JsonElement root, bool metadataOnly)
    {
        if (root.ValueKind != JsonValueKind.Object) return $"the answer is {Describe(root)}, not a list";
        if (metadataOnly && !(root.TryGetProperty("kind", out var listKind) && listKind.ValueEquals("PartialObjectMetadataList")))
        {
            return "the server did not answer the metadata-only list with a PartialObjectMetadataList";
        }

        if (!root.TryGetProperty("items", out var items)) return "the list has no items";
        if (items.ValueKind != JsonValueKind.Array) return $"the list's items is {Describe(items)}, not an array";
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) return $"item {index} of the list is {Describe(item)}, not an object";
            index++;
        }

        if (!root.TryGetProperty("metadata", out var meta) || meta.ValueKind == JsonValueKind.Null) return null;
        if (meta.ValueKind != JsonValueKind.Object) return $"the list's metadata is {Describe(meta)}, not an object";
        if (meta.TryGetProperty("continue", out var c) && c.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            return $"the list's continue token is {Describe(c)}, not a string";
        }

        return null;
    }

    /// <summary>Names a JSON value's type for messages: <c>null</c>, <c>an array</c>, <c>a string</c>, ...</summary>
    internal static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private void AddDiagnostic(List<LoadDiagnostic> diagnostics, ClusterKindStatus status, string path)
    {
        var at = new SourceSpan(ClusterLocation.For(ContextName, path), 0, 0);
        var what = status.Kind.GroupResource;
        switch (status.Outcome)
        {
            case ClusterKindOutcome.Denied:
                diagnostics.Add(new LoadDiagnostic(at, ClusterDiagnosticCodes.KindDenied, DiagnosticSeverity.Warning, $"{what}: the credentials may not list it ({status.Detail}); {status.Count} object(s) read, the scan went on without the rest"));
                break;
            case ClusterKindOutcome.Failed:
                diagnostics.Add(new LoadDiagnostic(at, ClusterDiagnosticCodes.KindFailed, DiagnosticSeverity.Error, $"{what}: listing failed ({status.Detail}); {status.Count} object(s) read"));
                break;
        }
    }
}
