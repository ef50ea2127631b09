using K8sLandscape.Json;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace K8sLandscape.Loading;

/// <summary>
/// One loaded document: a Kubernetes object (built-in or custom), a discovery document, or a node
/// configuration file. Immutable. The body is kept as a compact JSON tree; typed KubernetesClient
/// models are produced on demand with <see cref="As{T}"/>.
/// </summary>
public sealed class KubeObject
{
    private static readonly IReadOnlyDictionary<string, string> Empty = JsonFields.EmptyMap;

    // The body is kept as compact UTF-8 JSON and parsed on demand: a parsed tree costs about as
    // much again as the text (System.Text.Json indexes every token), and most objects of a large
    // cluster are read once while the landscape is built. The weak cache keeps a tree while it is
    // in use without pinning 100k of them for the life of the landscape.
    private readonly ReadOnlyMemory<byte> _json;
    private readonly LineTable? _lines;
    private WeakReference<JsonDocument>? _tree;
    private IReadOnlyDictionary<string, string>? _labels;
    private IReadOnlyDictionary<string, string>? _annotations;
    private object? _typed;
    private object? _workload;
    private ObjectRef? _ref;

    /// <summary>Creates an object from its JSON body and where it came from.</summary>
    /// <param name="body">The whole object, a JSON object with <c>apiVersion</c>, <c>kind</c> and <c>metadata</c>.</param>
    /// <param name="location">Where the document starts.</param>
    /// <param name="documentClass">What sort of document it is.</param>
    /// <param name="helmSource">The Helm template it was rendered from (<c># Source:</c> comment), if any.</param>
    public KubeObject(JsonElement body, SourceSpan location, DocumentClass documentClass = DocumentClass.KubernetesObject, string? helmSource = null)
        : this(Serialize(body), location, documentClass, helmSource, null, null, null)
    {
    }

    internal KubeObject(JsonElement body, SourceSpan location, DocumentClass documentClass, string? helmSource, LineTable? lines, GroupVersionKind? identity = null, string? name = null)
        : this(Serialize(body), location, documentClass, helmSource, lines, identity, name)
    {
    }

    internal KubeObject(ReadOnlyMemory<byte> json, SourceSpan location, DocumentClass documentClass, string? helmSource, LineTable? lines, GroupVersionKind? identity, string? name, string? ns = null, IReadOnlyDictionary<string, string>? labels = null, IReadOnlyDictionary<string, string>? annotations = null)
    {
        _json = json;
        _labels = labels;
        _annotations = annotations;
        Location = location;
        DocumentClass = documentClass;
        HelmSource = helmSource;
        _lines = lines;

        if (identity is { } gvk && name is not null)
        {
            // Identity known from the document tree (loader) or synthetic (configuration files):
            // no need to parse the body now.
            Gvk = gvk;
            Name = name;
            Namespace = ns is { Length: > 0 } ? ns : null;
            if (documentClass != DocumentClass.KubernetesObject)
            {
                _labels = Empty;
                _annotations = Empty;
            }

            return;
        }

        var body = Body;
        if (body.ValueKind != JsonValueKind.Object)
            throw new ArgumentException("The body of an object must be a JSON object.", nameof(json));
        Gvk = identity ?? GroupVersionKind.FromApiVersion(JsonFields.Str(body, "apiVersion") ?? string.Empty, JsonFields.Str(body, "kind") ?? string.Empty);
        if (name is not null)
        {
            // Documents that are not Kubernetes objects get a synthetic identity; their bodies stay
            // exactly as written (a Windows CNI config has its own 'apiVersion').
            Name = name;
            _labels = Empty;
            _annotations = Empty;
        }
        else if (body.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object)
        {
            Name = JsonFields.Str(meta, "name") ?? JsonFields.Str(meta, "generateName") ?? string.Empty;
            Namespace = JsonFields.Str(meta, "namespace") is { Length: > 0 } n ? n : null;
        }
        else
        {
            Name = string.Empty;
            _labels = Empty;
            _annotations = Empty;
        }
    }

    /// <summary>Group, version and kind.</summary>
    public GroupVersionKind Gvk { get; }

    /// <summary>The <c>apiVersion</c> as written.</summary>
    public string ApiVersion => Gvk.ApiVersion;

    /// <summary>The API group; empty for the core group.</summary>
    public string Group => Gvk.Group;

    /// <summary>The API version within the group.</summary>
    public string Version => Gvk.Version;

    /// <summary>The kind.</summary>
    public string Kind => Gvk.Kind;

    /// <summary><c>metadata.name</c>.</summary>
    public string Name { get; }

    /// <summary><c>metadata.namespace</c>, or null when absent (cluster-scoped, or defaulted at apply time).</summary>
    public string? Namespace { get; }

    /// <summary><c>metadata.labels</c> (values that are not strings are given as their JSON text).</summary>
    public IReadOnlyDictionary<string, string> Labels
    {
        get
        {
            if (_labels is null) ReadMetadataMaps();
            return _labels!;
        }
    }

    /// <summary><c>metadata.annotations</c> (values that are not strings are given as their JSON text).</summary>
    public IReadOnlyDictionary<string, string> Annotations
    {
        get
        {
            if (_annotations is null) ReadMetadataMaps();
            return _annotations!;
        }
    }

    /// <summary>
    /// The whole document as a JSON tree. Parsed from <see cref="Json"/> on demand and cached
    /// weakly: take it once per piece of work rather than once per field.
    /// </summary>
    public JsonElement Body
    {
        get
        {
            var cache = _tree;
            if (cache is not null && cache.TryGetTarget(out var cached)) return cached.RootElement;
            var tree = JsonDocument.Parse(_json, KubeJson.DocumentOptions);
            if (cache is null) _tree = new WeakReference<JsonDocument>(tree);
            else cache.SetTarget(tree);
            return tree.RootElement;
        }
    }

    /// <summary>
    /// A fresh parse of the body for one piece of work, to be disposed by the caller (which returns
    /// its buffers to the pool); for passes over every object, where the cached <see cref="Body"/>
    /// would only feed the garbage collector.
    /// </summary>
    internal JsonDocument ParseBody() => JsonDocument.Parse(_json, KubeJson.DocumentOptions);

    /// <summary>The whole document as compact UTF-8 JSON (no copy; do not modify).</summary>
    public ReadOnlyMemory<byte> Json => _json;

    /// <summary>The line of every node of the body in pre-order, when it was read from a file.</summary>
    internal LineTable? Lines => _lines;

    /// <summary>Where the document starts.</summary>
    public SourceSpan Location { get; }

    /// <summary>The Helm template the object was rendered from (from a <c># Source:</c> comment), if any.</summary>
    public string? HelmSource { get; }

    /// <summary>What sort of document this is.</summary>
    public DocumentClass DocumentClass { get; }

    /// <summary>The API identity of the object.</summary>
    public ObjectRef Ref => _ref ??= new(Group, Kind, Namespace, Name);

    /// <summary><c>metadata.ownerReferences</c>, empty when absent.</summary>
    public IReadOnlyList<V1OwnerReference> OwnerReferences =>
        (IReadOnlyList<V1OwnerReference>?)Metadata?.OwnerReferences?.ToArray() ?? [];

    /// <summary><c>metadata.managedFields</c> (server-side apply field ownership), empty when absent.</summary>
    public IReadOnlyList<V1ManagedFieldsEntry> ManagedFields =>
        (IReadOnlyList<V1ManagedFieldsEntry>?)Metadata?.ManagedFields?.ToArray() ?? [];

    /// <summary>The metadata as a KubernetesClient model, or null when the document has none.</summary>
    public V1ObjectMeta? Metadata =>
        Body.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object
            ? KubeJson.Deserialize<V1ObjectMeta>(meta)
            : null;

    /// <summary>
    /// The object as a KubernetesClient model (for example <c>As&lt;V1CustomResourceDefinition&gt;()</c>).
    /// The result of the first call is cached; treat it as read-only.
    /// </summary>
    /// <exception cref="InvalidOperationException">The body does not fit the model; the message says why.</exception>
    public T As<T>() where T : class
    {
        if (TryAs<T>(out var value, out var error)) return value;
        throw new InvalidOperationException($"{Location}: {Gvk} {Name} cannot be read as {typeof(T).Name}: {error}");
    }

    /// <summary>Like <see cref="As{T}"/>, but reports a body that does not fit the model instead of throwing.</summary>
    public bool TryAs<T>([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value, out string? error) where T : class
    {
        if (Volatile.Read(ref _typed) is T cached)
        {
            value = cached;
            error = null;
            return true;
        }

        try
        {
            value = KubeJson.Deserialize<T>(Body);
            if (value is null)
            {
                error = "the body is null";
                return false;
            }

            Interlocked.CompareExchange(ref _typed, value, null);
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            value = null;
            error = ex.Message;
            return false;
        }
        catch (FormatException ex)
        {
            value = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>
    /// The location of a field, for example <c>spec.names.shortNames</c>, <c>webhooks[1].rules</c> or
    /// <c>metadata.annotations[storageclass.kubernetes.io/is-default-class]</c>. Falls back to the
    /// nearest ancestor that exists, then to the document's own location.
    /// </summary>
    public SourceSpan LocationOf(string fieldPath)
    {
        if (_lines is null || !Location.IsKnown) return Location;
        var line = _lines.LineAt(FieldPath.IndexOf(Body, fieldPath));
        return line > 0 ? Location.WithLine(line) : Location;
    }

    /// <summary>Reads a string value at a dotted path, or null when absent or not a string.</summary>
    public string? GetString(string fieldPath) =>
        FieldPath.Find(Body, fieldPath) is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;

    /// <summary>Finds the element at a path (same syntax as <see cref="LocationOf"/>).</summary>
    public bool TryGet(string fieldPath, out JsonElement value)
    {
        var found = FieldPath.Find(Body, fieldPath);
        value = found ?? default;
        return found.HasValue;
    }

    /// <summary>Creates an object from a KubernetesClient model built in code.</summary>
    public static KubeObject FromModel(IKubernetesObject model, SourceSpan? location = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var json = KubernetesJson.Serialize(model);
        return new KubeObject(System.Text.Encoding.UTF8.GetBytes(json), location ?? SourceSpan.None, DocumentClass.KubernetesObject, null, null, null, null);
    }

    /// <summary>Creates an object from JSON text built in code.</summary>
    public static KubeObject FromJson(string json, SourceSpan? location = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = JsonDocument.Parse(json, KubeJson.DocumentOptions);
        return new KubeObject(doc.RootElement, location ?? SourceSpan.None);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Gvk} {(Namespace is null ? Name : Namespace + "/" + Name)} ({Location})";


    private static byte[] Serialize(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
            throw new ArgumentException("The body of an object must be a JSON object.", nameof(body));
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) body.WriteTo(writer);
        return buffer.WrittenSpan.ToArray();
    }

    // Labels and annotations are read together: whoever needs one usually needs the other, and one
    // parse of the body serves both.
    private void ReadMetadataMaps()
    {
        var body = Body;
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object)
        {
            _annotations = JsonFields.Map(meta, "annotations");
            _labels = JsonFields.Map(meta, "labels");
        }
        else
        {
            _annotations = Empty;
            _labels = Empty;
        }
    }

    /// <summary>The empty map shared by objects without labels or annotations.</summary>
    internal static IReadOnlyDictionary<string, string> EmptyMap => Empty;

    /// <summary>Reads labels and annotations now, so later readers on any thread find them ready.</summary>
    internal void WarmMetadata()
    {
        if (_labels is null || _annotations is null) ReadMetadataMaps();
    }

    // Marks an object read for its pod template that runs no pods.
    private static readonly object NoWorkload = new();

    /// <summary>
    /// The pod template this object runs (<see cref="Model.Workloads.Workload.From"/>), read once:
    /// the loader reads it while the body is fresh in the worker's cache, on every core, so the
    /// landscape does not parse 100k bodies again on one pass.
    /// </summary>
    internal Model.Workloads.Workload? Workload
    {
        get
        {
            var known = Volatile.Read(ref _workload);
            if (known is null)
            {
                var read = (object?)Model.Workloads.Workload.Read(this) ?? NoWorkload;
                known = Interlocked.CompareExchange(ref _workload, read, null) ?? read;
            }

            return known as Model.Workloads.Workload;
        }
    }

}
