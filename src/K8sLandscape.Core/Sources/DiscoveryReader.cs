using K8sLandscape.Json;
using System.Text.Json;
using K8sLandscape.Loading;

namespace K8sLandscape.Sources;

/// <summary>
/// Reads API discovery: <c>/version</c>, the core group (<c>/api</c>, <c>/api/v1</c>), the group list
/// (<c>/apis</c>), and the resource list of each group the kind list needs, nothing more. The
/// preferred version is read first; other versions only for resources it lacks.
/// </summary>
internal sealed class DiscoveryReader(ApiClient api, ClusterReadOptions options, Func<string, string> location)
{
    public async Task<DiscoveryResult> ReadAsync(CancellationToken ct)
    {
        var wanted = options.Kinds;
        var served = new Dictionary<(string, string), ServedResource>();
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        var diagnostics = new List<LoadDiagnostic>();

        JsonElement? version = null;
        using (var v = await api.GetAsync("version", ApiClient.Json, ct).ConfigureAwait(false))
        {
            if (v.Success && v.Body!.RootElement.ValueKind == JsonValueKind.Object) version = v.Body.RootElement.Clone();
        }

        using (var core = await api.GetAsync("api", ApiClient.Json, ct).ConfigureAwait(false))
        {
            if (!core.Success) throw new ClusterSourceException($"cannot read the API server's discovery at {api.Server}/api: {core.Describe()}");
        }

        if (wanted.Any(k => k.Group.Length == 0))
        {
            using var v1 = await api.GetAsync("api/v1", ApiClient.Json, ct).ConfigureAwait(false);
            if (!v1.Success) throw new ClusterSourceException($"cannot read the API server's discovery at {api.Server}/api/v1: {v1.Describe()}");
            if (AddResources(v1.Body!.RootElement, string.Empty, "v1", served) is { } problem) failed[string.Empty] = "/api/v1: " + problem;
        }

        var groups = wanted.Select(k => k.Group).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        if (groups.Count == 0) return new DiscoveryResult(served, failed, version, diagnostics);

        var versionsByGroup = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using (var apis = await api.GetAsync("apis", ApiClient.Json, ct).ConfigureAwait(false))
        {
            if (!apis.Success) throw new ClusterSourceException($"cannot read the API server's discovery at {api.Server}/apis: {apis.Describe()}");
            var root = apis.Body!.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("groups", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                // Without the group list no group can be told apart from one that is not installed.
                var problem = $"/apis: the answer is {(root.ValueKind == JsonValueKind.Object ? "an object without a groups array" : ClusterSource.Describe(root))}, not an APIGroupList";
                foreach (var g in groups) failed[g] = problem;
            }
            else
            {
                foreach (var g in list.EnumerateArray())
                {
                    var name = JsonFields.Str(g, "name");
                    if (name is null || !groups.Contains(name)) continue;
                    var versions = new List<string>();
                    if (g.TryGetProperty("preferredVersion", out var pv) && JsonFields.Str(pv, "version") is { } preferred) versions.Add(preferred);
                    if (g.TryGetProperty("versions", out var vs) && vs.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var item in vs.EnumerateArray())
                        {
                            if (JsonFields.Str(item, "version") is { } ver && !versions.Contains(ver)) versions.Add(ver);
                        }
                    }

                    versionsByGroup[name] = versions;
                }
            }
        }

        var perGroup = new Dictionary<string, Dictionary<(string, string), ServedResource>>(StringComparer.Ordinal);
        var lockObj = new object();
        await Parallel.ForEachAsync(
            versionsByGroup.OrderBy(p => p.Key, StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = ct },
            async (pair, token) =>
            {
                var (group, versions) = pair;
                var needed = wanted.Where(k => k.Group == group).Select(k => k.Resource).ToHashSet(StringComparer.Ordinal);
                var found = new Dictionary<(string, string), ServedResource>();
                string? error = null;
                foreach (var ver in versions)
                {
                    if (needed.All(r => found.ContainsKey((group, r)))) break;
                    using var response = await api.GetAsync($"apis/{group}/{ver}", ApiClient.Json, token).ConfigureAwait(false);
                    if (!response.Success)
                    {
                        // An aggregated API whose backend is down answers 503 here; other versions may still answer.
                        error ??= $"/apis/{group}/{ver}: {response.Describe()}";
                        continue;
                    }

                    if (AddResources(response.Body!.RootElement, group, ver, found) is { } problem) error ??= $"/apis/{group}/{ver}: {problem}";
                }

                lock (lockObj)
                {
                    perGroup[group] = found;
                    if (error is not null && !needed.All(r => found.ContainsKey((group, r)))) failed[group] = error;
                }
            }).ConfigureAwait(false);

        foreach (var group in perGroup.Keys.OrderBy(g => g, StringComparer.Ordinal))
        {
            foreach (var (key, value) in perGroup[group]) served[key] = value;
        }

        foreach (var (group, error) in failed.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var (path, name) = group.Length == 0 ? ("/api/v1", "the core API group") : ("/apis/" + group, $"API group '{group}'");
            diagnostics.Add(new LoadDiagnostic(new SourceSpan(location(path), 0, 0), ClusterDiagnosticCodes.DiscoveryFailed, DiagnosticSeverity.Error, $"discovery of {name} failed ({error}); its kinds are not read"));
        }

        return new DiscoveryResult(served, failed, version, diagnostics);

        // Returns what makes the answer unusable, or null: a kind missing from a malformed answer must not pass for one not installed.
        string? AddResources(JsonElement list, string group, string ver, Dictionary<(string, string), ServedResource> into)
        {
            if (list.ValueKind != JsonValueKind.Object) return $"the answer is {ClusterSource.Describe(list)}, not an APIResourceList";
            if (!list.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Array) return "the answer has no resources array";
            foreach (var r in resources.EnumerateArray())
            {
                var name = JsonFields.Str(r, "name");
                var kind = JsonFields.Str(r, "kind");
                if (name is null || kind is null || name.Contains('/', StringComparison.Ordinal)) continue; // subresources
                if (!CanList(r)) continue;
                if (into.ContainsKey((group, name))) continue; // an earlier (preferred) version wins
                if (!wanted.Any(k => k.Group == group && k.Resource == name)) continue;
                var namespaced = r.TryGetProperty("namespaced", out var ns) && ns.ValueKind == JsonValueKind.True;
                into[(group, name)] = new ServedResource(group, ver, name, kind, namespaced);
            }

            return null;
        }
    }

    private static bool CanList(JsonElement resource)
    {
        if (!resource.TryGetProperty("verbs", out var verbs) || verbs.ValueKind != JsonValueKind.Array) return true;
        foreach (var v in verbs.EnumerateArray())
        {
            if (v.ValueKind == JsonValueKind.String && v.ValueEquals("list")) return true;
        }

        return false;
    }

}
