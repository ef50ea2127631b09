using K8sLandscape.Json;
using System.Text.Json;
using K8sLandscape.Loading;

namespace K8sLandscape.Model.Workloads;

/// <summary>
/// An object that runs pods (Pod, Deployment, DaemonSet, StatefulSet, ReplicaSet, ReplicationController,
/// Job, CronJob) with the parts of its pod template that extensions are recognized by. Read straight
/// from the JSON body, so indexing 100k pods costs no model deserialization.
/// </summary>
public sealed class Workload
{
    internal Workload(KubeObject obj, JsonElement podSpec, string podSpecPath, JsonElement? templateMetadata, ObjectRef? controller = null)
    {
        Controller = controller;
        Object = obj;
        PodSpecPath = podSpecPath;
        var containers = new List<ContainerInfo>();
        ReadContainers(podSpec, "initContainers", true, podSpecPath, containers);
        ReadContainers(podSpec, "containers", false, podSpecPath, containers);
        Containers = LoadWorker.ShareContainers(containers.ToArray());
        HostPaths = ReadHostPaths(podSpec, podSpecPath);
        SchedulerName = JsonFields.Str(podSpec, "schedulerName");
        RuntimeClassName = JsonFields.Str(podSpec, "runtimeClassName");
        ServiceAccountName = JsonFields.Str(podSpec, "serviceAccountName") ?? JsonFields.Str(podSpec, "serviceAccount");
        HostNetwork = podSpec.TryGetProperty("hostNetwork", out var hn) && hn.ValueKind == JsonValueKind.True;
        if (templateMetadata is { ValueKind: JsonValueKind.Object } meta)
        {
            TemplateLabels = JsonFields.Map(meta, "labels");
            TemplateAnnotations = JsonFields.Map(meta, "annotations");
        }
        else
        {
            TemplateLabels = obj.Labels;
            TemplateAnnotations = obj.Annotations;
        }
    }

    /// <summary>The workload object.</summary>
    public KubeObject Object { get; }

    /// <summary>
    /// The pod spec, read from the object's body on each call: a workload keeps only what it
    /// extracted, so 100k pods do not pin 100k parsed bodies.
    /// </summary>
    public JsonElement PodSpec => Object.TryGet(PodSpecPath, out var spec) ? spec : default;

    /// <summary>The field path of the pod spec, e.g. <c>spec.template.spec</c>.</summary>
    public string PodSpecPath { get; }

    /// <summary>
    /// The field path of the metadata that holds <see cref="TemplateLabels"/> and
    /// <see cref="TemplateAnnotations"/>: <c>metadata</c> for a bare Pod, else the template's, e.g.
    /// <c>spec.template.metadata</c>.
    /// </summary>
    public string TemplateMetadataPath => TemplateMetadataPathOf(PodSpecPath);

    /// <summary>Init containers first, then containers.</summary>
    public IReadOnlyList<ContainerInfo> Containers { get; }

    /// <summary>
    /// The controller that created this workload (a Pod's ReplicaSet, a ReplicaSet's Deployment), from
    /// its owner reference marked <c>controller: true</c>; null when it has none.
    /// </summary>
    public ObjectRef? Controller { get; }

    /// <summary>Host path volumes.</summary>
    public IReadOnlyList<HostPathVolume> HostPaths { get; }

    /// <summary><c>schedulerName</c>, or null for the default scheduler.</summary>
    public string? SchedulerName { get; }

    /// <summary><c>runtimeClassName</c>, or null.</summary>
    public string? RuntimeClassName { get; }

    /// <summary>The service account, or null.</summary>
    public string? ServiceAccountName { get; }

    /// <summary>Whether pods use the node's network namespace.</summary>
    public bool HostNetwork { get; }

    /// <summary>Labels of the pods it creates (the object's own labels for a bare Pod).</summary>
    public IReadOnlyDictionary<string, string> TemplateLabels { get; }

    /// <summary>Annotations of the pods it creates (the object's own annotations for a bare Pod).</summary>
    public IReadOnlyDictionary<string, string> TemplateAnnotations { get; }

    /// <summary>The values of a command-line flag in every container (<see cref="ContainerInfo.FlagValues"/>), with field paths.</summary>
    public IEnumerable<(string Value, string Path)> FlagValues(string flag)
    {
        foreach (var c in Containers)
        {
            if (c.Mentions(flag)) return Containers.SelectMany(container => container.FlagValues(flag));
        }

        return [];
    }

    /// <summary>Every image, in container order.</summary>
    public IEnumerable<string> Images => Containers.Select(c => c.Image);

    /// <summary>
    /// The workload an object is, or null when it runs no pods. Read once per object and shared:
    /// every call for one object returns the same instance.
    /// </summary>
    public static Workload? From(KubeObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.Workload;
    }

    internal static Workload? Read(KubeObject obj)
    {
        var specPath = PodSpecPathOf(obj.Group, obj.Kind);
        if (specPath is null) return null;

        // A private parse, returned to the pool at once: a workload keeps only what it extracted,
        // and this runs for every pod of the cluster.
        using var doc = obj.ParseBody();
        if (FieldPath.Find(doc.RootElement, specPath) is not { ValueKind: JsonValueKind.Object } spec) return null;
        JsonElement? meta = specPath == "spec" ? null : FieldPath.Find(doc.RootElement, TemplateMetadataPathOf(specPath));
        return new Workload(obj, spec, specPath, meta, ControllerOf(obj, doc.RootElement));
    }

    /// <summary>The owner reference marked <c>controller: true</c>, as an identity in the object's namespace.</summary>
    private static ObjectRef? ControllerOf(KubeObject obj, JsonElement root)
    {
        if (JsonFields.Path(root, "metadata", "ownerReferences") is not { ValueKind: JsonValueKind.Array } owners) return null;
        foreach (var owner in owners.EnumerateArray())
        {
            if (JsonFields.Bool(owner, "controller") != true) continue;
            if (JsonFields.Str(owner, "kind") is not { } kind || JsonFields.Str(owner, "name") is not { } name) continue;
            var apiVersion = JsonFields.Str(owner, "apiVersion") ?? string.Empty;
            return new ObjectRef(GroupVersionKind.FromApiVersion(apiVersion, kind).Group, kind, obj.Namespace, name);
        }

        return null;
    }

    /// <summary>The pod spec path of a kind that runs pods, or null.</summary>
    public static string? PodSpecPathOf(string group, string kind) => (group, kind) switch
    {
        ("", "Pod") => "spec",
        ("", "ReplicationController") => "spec.template.spec",
        ("apps" or "extensions", "Deployment" or "DaemonSet" or "StatefulSet" or "ReplicaSet") => "spec.template.spec",
        ("batch", "Job") => "spec.template.spec",
        ("batch", "CronJob") => "spec.jobTemplate.spec.template.spec",
        _ => null,
    };

    // The pod spec paths above are literals, so theirs are too: nothing is built per pod.
    private static string TemplateMetadataPathOf(string podSpecPath) => podSpecPath switch
    {
        "spec" => "metadata",
        "spec.template.spec" => "spec.template.metadata",
        "spec.jobTemplate.spec.template.spec" => "spec.jobTemplate.spec.template.metadata",
        _ => podSpecPath[..^".spec".Length] + ".metadata",
    };

    private static void ReadContainers(JsonElement spec, string field, bool init, string basePath, List<ContainerInfo> into)
    {
        if (!spec.TryGetProperty(field, out var arr) || arr.ValueKind != JsonValueKind.Array) return;
        var i = 0;
        foreach (var c in arr.EnumerateArray())
        {
            var path = ContainerPath(basePath, field, i++);
            if (c.ValueKind != JsonValueKind.Object) continue;
            IReadOnlyDictionary<string, string> requests = JsonFields.EmptyMap, limits = JsonFields.EmptyMap;
            if (c.TryGetProperty("resources", out var res) && res.ValueKind == JsonValueKind.Object)
            {
                requests = JsonFields.Map(res, "requests");
                limits = JsonFields.Map(res, "limits");
            }

            // Shared strings: the same names and images repeat in every pod of a workload.
            var name = JsonFields.Str(c, "name") is { } n ? K8sLandscape.Loading.StringPool.Share(n) : string.Empty;
            var image = JsonFields.Str(c, "image") is { } im ? K8sLandscape.Loading.StringPool.Share(im) : string.Empty;
            into.Add(new ContainerInfo(name, image, init, requests, limits, path)
            {
                Command = JsonFields.Strings(c, "command"),
                Args = JsonFields.Strings(c, "args"),
                Env = ReadEnv(c),
            });
        }
    }

    // The paths of the first containers of each pod spec path, made once: every pod of a cluster
    // would otherwise format and pool the same few strings.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string BasePath, string Field), string[]> ContainerPaths = new();

    private static string ContainerPath(string basePath, string field, int index)
    {
        var known = ContainerPaths.GetOrAdd((basePath, field), static key =>
            [.. Enumerable.Range(0, 16).Select(n => K8sLandscape.Loading.StringPool.Share($"{key.BasePath}.{key.Field}[{n}]"))]);
        return index < known.Length ? known[index] : K8sLandscape.Loading.StringPool.Share($"{basePath}.{field}[{index}]");
    }

    // Literal values only: a valueFrom reference is resolved at run time from objects the input may not hold.
    private static IReadOnlyDictionary<string, string> ReadEnv(JsonElement container)
    {
        if (!container.TryGetProperty("env", out var env) || env.ValueKind != JsonValueKind.Array) return JsonFields.EmptyMap;
        var entries = new List<KeyValuePair<string, string>>();
        foreach (var e in env.EnumerateArray())
        {
            if (e.ValueKind == JsonValueKind.Object && JsonFields.Str(e, "name") is { Length: > 0 } name && JsonFields.Str(e, "value") is { } value) entries.Add(new(name, value));
        }

        return K8sLandscape.Loading.CompactStringMap.Create(entries, firstWins: true);
    }

    private static HostPathVolume[] ReadHostPaths(JsonElement spec, string basePath)
    {
        if (!spec.TryGetProperty("volumes", out var vols) || vols.ValueKind != JsonValueKind.Array) return [];
        var result = new List<HostPathVolume>();
        var i = 0;
        foreach (var v in vols.EnumerateArray())
        {
            var index = i++;
            if (v.ValueKind == JsonValueKind.Object && v.TryGetProperty("hostPath", out var hp) && hp.ValueKind == JsonValueKind.Object && JsonFields.Str(hp, "path") is { } p)
            {
                result.Add(new HostPathVolume(JsonFields.Str(v, "name") ?? string.Empty, p, $"{basePath}.volumes[{index}]"));
            }
        }

        return result.Count == 0 ? [] : [.. result];
    }



}
