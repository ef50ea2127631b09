using System.Collections.Concurrent;
using System.Text.Json;
using K8sLandscape.Catalog.Recognition;
using K8sLandscape.Json;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Workloads;

namespace K8sLandscape.Catalog;

/// <summary>
/// Finds catalog components in a cluster's objects by their fingerprints, in one pass over the
/// objects with dictionary lookups (the catalog's fingerprint index is built once per catalog); a
/// big cluster's pass is split into ranges visited on every core.
/// </summary>
public static class ComponentRecognizer
{
    /// <summary>
    /// Recognizes components. Workloads are matched to objects of <paramref name="objects"/> by
    /// reference (workloads of other objects are ignored). The result is sorted by id; each
    /// component's evidence by object location (then input order), fingerprint and value.
    /// </summary>
    public static IReadOnlyList<RecognizedComponent> Recognize(ObjectIndex objects, IReadOnlyList<Workload> workloads, ComponentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(workloads);
        ArgumentNullException.ThrowIfNull(catalog);
        var all = objects.All;
        var byOrdinal = new Workload?[all.Count];
        var lookup = ToLookup(workloads);
        for (var i = 0; i < all.Count; i++) byOrdinal[i] = lookup.GetValueOrDefault(all[i]);
        return Recognize(objects, byOrdinal, catalog);
    }

    /// <summary>
    /// Recognizes components when each object's workload is already known by its position in
    /// <see cref="ObjectIndex.All"/> (discovery reads them that way): no lookup by object identity,
    /// which costs a hash code per object of a 100,000-object cluster.
    /// </summary>
    internal static IReadOnlyList<RecognizedComponent> Recognize(ObjectIndex objects, Workload?[] workloadByOrdinal, ComponentCatalog catalog)
    {
        var all = objects.All;
        if (all.Count < ParallelFrom)
        {
            var pass = new Pass(catalog.Index, workloadByOrdinal);
            for (var i = 0; i < all.Count; i++) pass.Visit(all[i], i);
            return pass.Evidence.Result();
        }

        // A big cluster is visited in ranges, one pass per worker; evidence is sorted by object
        // location and position afterwards, so the result does not depend on which worker saw what.
        var evidence = new EvidenceCollector();
        Parallel.ForEach(
            Partitioner.Create(0, all.Count, Math.Max(ParallelFrom / 4, all.Count / (8 * Environment.ProcessorCount))),
            () => new Pass(catalog.Index, workloadByOrdinal),
            (range, _, pass) =>
            {
                for (var i = range.Item1; i < range.Item2; i++) pass.Visit(all[i], i);
                return pass;
            },
            pass =>
            {
                lock (evidence) evidence.AddAll(pass.Evidence);
            });
        return evidence.Result();
    }

    // Below this many objects one pass on one thread is quicker than starting workers.
    private const int ParallelFrom = 8192;

    private static Dictionary<KubeObject, Workload> ToLookup(IReadOnlyList<Workload> workloads)
    {
        var map = new Dictionary<KubeObject, Workload>(workloads.Count, ReferenceEqualityComparer.Instance);
        foreach (var w in workloads) map[w.Object] = w;
        return map;
    }

    /// <summary>The state of one recognition pass.</summary>
    private sealed class Pass(RecognizerIndex index, Workload?[] workloads)
    {
        private static readonly (string, ComponentDefinition)[] NoImageMatch = [];

        // Thousands of pods share a few hundred images; each distinct image is parsed once.
        private readonly Dictionary<string, (string Pattern, ComponentDefinition Component)[]> _imageMatches = new(StringComparer.Ordinal);
        private readonly List<string> _scratch = [];

        public EvidenceCollector Evidence { get; } = new();

        public void Visit(KubeObject o, int ordinal)
        {
            foreach (var (key, value) in o.Labels)
            {
                if (index.Labels.TryGetValue(key, out var byValue) && byValue.TryGetValue(value, out var cs))
                    Evidence.Add(cs, o, ordinal, "label", key + "=" + value);
            }

            if (workloads[ordinal] is { } workload) VisitWorkload(workload, ordinal);
            // Only the kinds below need the body; parsing it for every pod and secret would double the pass.
            switch (o.Group)
            {
                case "apiextensions.k8s.io" when o.Kind == "CustomResourceDefinition":
                    Match(index.CrdGroups, Str(o.Body, "spec", "group"), o, ordinal, "crdGroup");
                    Match(index.Crds, o.Name, o, ordinal, "crd");
                    break;
                case "apps" or "extensions" when o.Kind is "Deployment" or "DaemonSet" or "StatefulSet":
                    Match(index.Workloads, o.Name, o, ordinal, "workload");
                    break;
                case "storage.k8s.io" when o.Kind == "CSIDriver":
                    Match(index.CsiDrivers, o.Name, o, ordinal, "csiDriver");
                    break;
                case "storage.k8s.io" when o.Kind == "StorageClass":
                    var provisioner = Str(o.Body, "provisioner");
                    Match(index.CsiDrivers, provisioner, o, ordinal, "csiDriver");
                    Match(index.Provisioners, provisioner, o, ordinal, "provisioner");
                    break;
                case "" when o.Kind == "Node":
                    VisitNode(o.Body, o, ordinal);
                    break;
                // Only a ConfigMap whose text names a cniVersion can hold a CNI configuration:
                // the others (most of a cluster's) are skipped without parsing their bodies.
                case "" when o.Kind == "ConfigMap" && o.Json.Span.IndexOf("cniVersion"u8) >= 0:
                    VisitConfigMap(o.Body, o, ordinal);
                    break;
                case "resource.k8s.io" when o.Kind == "ResourceSlice":
                    Match(index.DraDrivers, Str(o.Body, "spec", "driver"), o, ordinal, "draDriver");
                    break;
                case "resource.k8s.io" when o.Kind == "DeviceClass":
                    VisitDeviceClass(o.Body, o, ordinal);
                    break;
                case "admissionregistration.k8s.io" when o.Kind is "MutatingWebhookConfiguration" or "ValidatingWebhookConfiguration":
                    VisitWebhooks(o.Body, o, ordinal);
                    break;
                case "node.k8s.io" when o.Kind == "RuntimeClass":
                    Match(index.RuntimeHandlers, Str(o.Body, "handler"), o, ordinal, "runtimeHandler");
                    break;
                case "networking.k8s.io" or "extensions" when o.Kind == "IngressClass":
                    Match(index.IngressControllers, Str(o.Body, "spec", "controller"), o, ordinal, "ingressController");
                    break;
                case "gateway.networking.k8s.io" when o.Kind == "GatewayClass":
                    Match(index.GatewayControllers, Str(o.Body, "spec", "controllerName"), o, ordinal, "gatewayController");
                    break;
                case "operators.coreos.com" when o.Kind == "Subscription":
                    Match(index.OlmPackages, Str(o.Body, "spec", "name"), o, ordinal, "olmPackage");
                    break;
                case ConfigKinds.Group:
                    VisitNodeConfiguration(o.Body, o, ordinal);
                    break;
            }
        }

        private void VisitWorkload(Workload w, int ordinal)
        {
            foreach (var container in w.Containers)
            {
                foreach (var (pattern, component) in ImageMatches(container.Image))
                {
                    _ = pattern;
                    Evidence.Add(component, w.Object, ordinal, "image", container.Image);
                }
            }

            Match(index.Schedulers, w.SchedulerName, w.Object, ordinal, "scheduler");
        }

        private (string Pattern, ComponentDefinition Component)[] ImageMatches(string image)
        {
            if (image.Length == 0) return NoImageMatch;
            if (_imageMatches.TryGetValue(image, out var cached)) return cached;
            var reference = ImageReference.Parse(image);
            var repo = reference.Repository;
            var last = repo[(repo.LastIndexOf('/') + 1)..];
            var result = NoImageMatch;
            if (index.Images.TryGetValue(last, out var candidates))
            {
                List<(string, ComponentDefinition)>? hits = null;
                foreach (var candidate in candidates)
                {
                    if (reference.RepositoryEndsWith(candidate.Pattern)) (hits ??= []).Add(candidate);
                }

                if (hits is not null)
                {
                    // Two patterns of one component (calico/node and node) must not double the evidence.
                    result = hits.DistinctBy(h => h.Item2, ReferenceEqualityComparer.Instance).ToArray();
                }
            }

            _imageMatches[image] = result;
            return result;
        }

        private void VisitNode(JsonElement body, KubeObject o, int ordinal)
        {
            if (!body.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Object) return;
            foreach (var field in (ReadOnlySpan<string>)["allocatable", "capacity"])
            {
                if (!status.TryGetProperty(field, out var resources) || resources.ValueKind != JsonValueKind.Object) continue;
                foreach (var r in resources.EnumerateObject())
                {
                    if (index.ExtendedResources.TryGetValue(r.Name, out var cs)) Evidence.Add(cs, o, ordinal, "extendedResource", r.Name);
                }
            }

            // containerRuntimeVersion is '<engine>://<version>', e.g. containerd://1.7.22.
            if (Str(status, "nodeInfo", "containerRuntimeVersion") is { } runtime)
            {
                var sep = runtime.IndexOf("://", StringComparison.Ordinal);
                if (sep > 0) Match(index.RuntimeEngines, runtime[..sep], o, ordinal, "runtimeEngine");
            }
        }

        private void VisitConfigMap(JsonElement body, KubeObject o, int ordinal)
        {
            if (index.CniTypes.Count == 0 || !body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object) return;
            foreach (var p in data.EnumerateObject())
            {
                if (p.Value.ValueKind != JsonValueKind.String || p.Value.GetString() is not { } text || !CniTypeReader.LooksLikeCni(text)) continue;
                _scratch.Clear();
                CniTypeReader.ReadText(text, _scratch);
                MatchScratch(index.CniTypes, o, ordinal, "cniType");
            }
        }

        private void VisitDeviceClass(JsonElement body, KubeObject o, int ordinal)
        {
            if (!body.TryGetProperty("spec", out var spec) || spec.ValueKind != JsonValueKind.Object
                || !spec.TryGetProperty("selectors", out var selectors) || selectors.ValueKind != JsonValueKind.Array) return;
            _scratch.Clear();
            foreach (var s in selectors.EnumerateArray())
            {
                if (Str(s, "cel", "expression") is { } expression) CelDriverScanner.Scan(expression, _scratch);
            }

            MatchScratch(index.DraDrivers, o, ordinal, "draDriver");
        }

        private void VisitWebhooks(JsonElement body, KubeObject o, int ordinal)
        {
            if (!body.TryGetProperty("webhooks", out var hooks) || hooks.ValueKind != JsonValueKind.Array) return;
            foreach (var h in hooks.EnumerateArray())
            {
                if (Str(h, "name") is not { Length: > 0 } name) continue;
                Match(index.Webhooks, name, o, ordinal, "webhook");
                if (index.WebhookSuffixes.Count == 0) continue;

                // Each '.' starts a candidate suffix: 'a.b.istio.io' tries '.b.istio.io', '.istio.io', '.io'.
                for (var dot = name.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = name.IndexOf('.', dot + 1))
                {
                    if (index.WebhookSuffixes.TryGetValue(name[dot..], out var cs)) Evidence.Add(cs, o, ordinal, "webhook", name);
                }
            }
        }

        private void VisitNodeConfiguration(JsonElement body, KubeObject o, int ordinal)
        {
            switch (o.Kind)
            {
                case ConfigKinds.CniConfig:
                    _scratch.Clear();
                    CniTypeReader.Read(body, _scratch);
                    MatchScratch(index.CniTypes, o, ordinal, "cniType");
                    break;
                case ConfigKinds.ContainerdConfig:
                    Match(index.RuntimeEngines, "containerd", o, ordinal, "runtimeEngine");

                    // Runtime tables sit under plugins.<cri plugin>.containerd.runtimes.<handler> in
                    // every config version (io.containerd.grpc.v1.cri, io.containerd.cri.v1.runtime, cri).
                    if (body.TryGetProperty("plugins", out var plugins) && plugins.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var plugin in plugins.EnumerateObject())
                        {
                            if (plugin.Value.ValueKind == JsonValueKind.Object && plugin.Value.TryGetProperty("containerd", out var containerd))
                                MatchKeys(containerd, "runtimes", o, ordinal);
                        }
                    }

                    break;
                case ConfigKinds.CrioConfig:
                    Match(index.RuntimeEngines, "cri-o", o, ordinal, "runtimeEngine");
                    if (body.TryGetProperty("crio", out var crio) && crio.ValueKind == JsonValueKind.Object && crio.TryGetProperty("runtime", out var runtime))
                        MatchKeys(runtime, "runtimes", o, ordinal);
                    break;
            }
        }

        private void MatchKeys(JsonElement parent, string field, KubeObject o, int ordinal)
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(field, out var table) || table.ValueKind != JsonValueKind.Object) return;
            foreach (var handler in table.EnumerateObject()) Match(index.RuntimeHandlers, handler.Name, o, ordinal, "runtimeHandler");
        }

        private void MatchScratch(Dictionary<string, ComponentDefinition[]> map, KubeObject o, int ordinal, string fingerprint)
        {
            foreach (var value in _scratch) Match(map, value, o, ordinal, fingerprint);
        }

        private void Match(Dictionary<string, ComponentDefinition[]> map, string? value, KubeObject o, int ordinal, string fingerprint)
        {
            if (value is { Length: > 0 } && map.TryGetValue(value, out var cs)) Evidence.Add(cs, o, ordinal, fingerprint, value);
        }

        private static string? Str(JsonElement e, string name) => JsonFields.Str(e, name);

        private static string? Str(JsonElement e, string outer, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(outer, out var inner) ? JsonFields.Str(inner, name) : null;
    }
}
