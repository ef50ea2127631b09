using System.Globalization;
using System.Text;

namespace K8sLandscape.Bench.Generation;

/// <summary>
/// Generates a deterministic multi-document YAML dump with the mix of a large production cluster:
/// cluster-scoped objects first (Nodes, CRDs with deep schemas, admission webhooks, storage and
/// runtime classes), then application bundles (workload, ReplicaSets, Pods, Service, Endpoints,
/// EndpointSlice, ServiceAccount, ConfigMaps, Secrets, custom resources), then DaemonSets with one
/// Pod per node. Output is written as <c>kubectl get -o yaml</c> writes single objects.
/// </summary>
internal sealed partial class ManifestGenerator
{
    private static readonly DateTime Epoch = new(2025, 1, 6, 0, 0, 0, DateTimeKind.Utc);

    private readonly Rng _rng;
    private readonly int _target;
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly List<NodeInfo> _nodes = [];
    private readonly List<CrdInfo> _crds = [];
    private readonly StringBuilder _doc = new(1 << 16);
    private TextWriter _out = TextWriter.Null;
    private long _resourceVersion = 1_000_000;
    private int _written;

    // True while writing a bundle exported the way GitOps tools and 'kubectl neat' write objects:
    // no status, no server-set metadata, no defaulted fields.
    private bool _neat;

    private sealed record NodeInfo(string Name, string Zone, bool Gpu, string Ip);

    private sealed record CrdInfo(string Group, string Kind, string Plural, string Version, bool Namespaced);

    private ManifestGenerator(int target, int seed)
    {
        _target = target;
        _rng = new Rng(seed);
    }

    /// <summary>Writes <paramref name="objects"/> objects to <paramref name="path"/>; returns the counts per kind.</summary>
    public static IReadOnlyDictionary<string, int> Generate(int objects, string path, int seed)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        var g = new ManifestGenerator(objects, seed);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 20);
        g._out = writer;
        g.Run();
        return g._counts;
    }

    private bool Full => _written >= _target;

    private void Run()
    {
        var n = _target;
        var nodeCount = Math.Max(3, n / 100);
        var crdCount = Math.Max(4, n / 500);
        // Cluster-scoped objects are written as the API server returns them.
        for (var i = 0; i < nodeCount && !Full; i++) Node(i);
        for (var i = 0; i < crdCount && !Full; i++) Crd(i);
        for (var i = 0; i < Math.Max(2, n / 4000) && !Full; i++) Webhook(i, mutating: true);
        for (var i = 0; i < Math.Max(2, n / 3000) && !Full; i++) Webhook(i, mutating: false);
        for (var i = 0; i < Math.Clamp(n / 5000, 2, 20) && !Full; i++) StorageClass(i);
        for (var i = 0; i < Math.Clamp(n / 8000, 2, 12) && !Full; i++) CsiDriver(i);
        for (var i = 0; i < RuntimeHandlers.Length && !Full; i++) RuntimeClass(i);
        for (var i = 0; i < Math.Clamp(n / 6000, 3, 16) && !Full; i++) PriorityClass(i);
        for (var i = 0; i < Math.Clamp(n / 20000, 2, 5) && !Full; i++) IngressClass(i);

        // About a tenth of the objects are DaemonSet pods (one per node); keep room for them at the end.
        var daemonSets = Math.Max(2, Math.Min(DaemonSetNames.Length, n / 10000));
        var daemonObjects = 0;
        for (var i = 0; i < daemonSets; i++) daemonObjects += 1 + DaemonPodCount(i);
        var appBudget = Math.Max(0, n - daemonObjects);

        var app = 0;
        while (_written < appBudget) AppBundle(app++, appBudget);
        for (var i = 0; i < daemonSets && !Full; i++) DaemonSetBundle(i);
        while (!Full) AppBundle(app++, _target);
    }

    private int DaemonPodCount(int i) => DaemonSetNames[i].StartsWith("nvidia", StringComparison.Ordinal) || DaemonSetNames[i].StartsWith("dcgm", StringComparison.Ordinal)
        ? _nodes.Count(x => x.Gpu)
        : _nodes.Count;

    // ---- emitting ------------------------------------------------------------------------------

    private YamlWriter Begin(string apiVersion, string kind)
    {
        _doc.Clear();
        var w = new YamlWriter(_doc);
        w.Raw("apiVersion", apiVersion).Raw("kind", kind);
        return w;
    }

    private void Emit(string kind)
    {
        if (Full) return;
        _out.Write("---\n");
        _out.Write(_doc);
        _written++;
        _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
    }

    private string NextResourceVersion() => (_resourceVersion += _rng.Next(1, 400)).ToString(CultureInfo.InvariantCulture);

    private string Ts() => _rng.Timestamp(Epoch, 300);

    /// <summary>Writes metadata in kubectl's key order.</summary>
    private void Metadata(YamlWriter w, string name, string? ns, IReadOnlyList<(string, string)>? labels, IReadOnlyList<(string, string)>? annotations = null,
        Action<YamlWriter>? owner = null, string? generateName = null, Action<YamlWriter>? managedFields = null, long? generation = null)
    {
        w.Map("metadata");
        if (annotations is { Count: > 0 })
        {
            w.Map("annotations");
            foreach (var (k, v) in annotations) w.Str(k, v);
            w.End();
        }

        if (!_neat) w.Str("creationTimestamp", Ts());
        if (generateName is not null) w.Str("generateName", generateName);
        if (generation is { } g && !_neat) w.Int("generation", g);
        if (labels is { Count: > 0 })
        {
            w.Map("labels");
            foreach (var (k, v) in labels) w.Str(k, v);
            w.End();
        }

        if (!_neat) managedFields?.Invoke(w);
        w.Str("name", name);
        if (ns is not null) w.Str("namespace", ns);
        owner?.Invoke(w);
        if (!_neat)
        {
            w.Str("resourceVersion", NextResourceVersion());
            w.Raw("uid", _rng.Uid());
        }

        w.End();
    }

    private static Action<YamlWriter> Owner(string apiVersion, string kind, string name, string uid) => w =>
    {
        w.Seq("ownerReferences").Item()
            .Raw("apiVersion", apiVersion).Bool("blockOwnerDeletion", true).Bool("controller", true)
            .Raw("kind", kind).Str("name", name).Raw("uid", uid)
            .EndItem().EndSeq();
    };

    /// <summary>Server-side-apply field ownership as the API server writes it (fieldsV1 with f: and k: keys).</summary>
    private Action<YamlWriter> ManagedFields(string manager, IReadOnlyList<string> labelKeys, IReadOnlyList<string> containerNames, bool status) => w =>
    {
        w.Seq("managedFields").Item()
            .Raw("apiVersion", "v1").Str("fieldsType", "FieldsV1")
            .Map("fieldsV1")
            .Map("f:metadata");
        w.Map("f:labels").Raw(".", "{}");
        foreach (var k in labelKeys) w.Raw("f:" + k, "{}");
        w.End();
        w.Map("f:ownerReferences").Raw(".", "{}").Raw($"k:{{\"uid\":\"{_rng.Uid()}\"}}", "{}").End();
        w.End();
        w.Map("f:spec").Map("f:containers");
        foreach (var c in containerNames)
        {
            w.Map($"k:{{\"name\":\"{c}\"}}").Raw(".", "{}").Raw("f:image", "{}").Raw("f:imagePullPolicy", "{}").Raw("f:name", "{}")
                .Map("f:resources").Raw(".", "{}").Raw("f:limits", "{}").Raw("f:requests", "{}").End()
                .Raw("f:terminationMessagePath", "{}").Raw("f:terminationMessagePolicy", "{}").End();
        }

        w.End().Raw("f:dnsPolicy", "{}").Raw("f:enableServiceLinks", "{}").Raw("f:restartPolicy", "{}")
            .Raw("f:schedulerName", "{}").Raw("f:securityContext", "{}").Raw("f:terminationGracePeriodSeconds", "{}").End();
        w.End();
        w.Str("manager", manager).Raw("operation", "Update").Str("time", Ts()).EndItem();
        if (status)
        {
            w.Item().Raw("apiVersion", "v1").Str("fieldsType", "FieldsV1").Map("fieldsV1").Map("f:status").Map("f:conditions");
            foreach (var t in new[] { "ContainersReady", "Initialized", "PodReadyToStartContainers", "Ready" })
            {
                w.Map($"k:{{\"type\":\"{t}\"}}").Raw(".", "{}").Raw("f:lastProbeTime", "{}").Raw("f:lastTransitionTime", "{}").Raw("f:status", "{}").Raw("f:type", "{}").End();
            }

            w.End().Raw("f:containerStatuses", "{}").Raw("f:hostIP", "{}").Raw("f:hostIPs", "{}").Raw("f:phase", "{}")
                .Raw("f:podIP", "{}").Map("f:podIPs").Raw(".", "{}").Map("k:{\"ip\":\"10.0.0.1\"}").Raw(".", "{}").Raw("f:ip", "{}").End().End()
                .Raw("f:startTime", "{}").End().End()
                .Str("manager", "kubelet").Raw("operation", "Update").Str("subresource", "status").Str("time", Ts()).EndItem();
        }

        w.EndSeq();
    };
}
