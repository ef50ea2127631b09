using K8sLandscape.Loading.Classification;
using K8sLandscape.Loading.Trees;

namespace K8sLandscape.Loading;

/// <summary>
/// Decides what a parsed document is (a Kubernetes object, a <c>List</c> to flatten, a discovery
/// document, a node configuration file, or nothing usable) and turns it into objects.
/// </summary>
internal sealed class DocumentInterpreter
{
    private static readonly HashSet<string> DiscoveryKinds = new(StringComparer.Ordinal)
    {
        "APIResourceList", "APIGroupList", "APIGroup", "APIVersions", "APIGroupDiscoveryList",
    };

    private readonly string _path;
    private readonly string _fileName;
    private readonly InputKind _kind;
    private readonly Action<LoadDiagnostic> _report;
    private readonly BodyArena? _arena;

    // arena: where the bodies written are kept; null gives each body an array of its own.
    public DocumentInterpreter(string path, InputKind kind, Action<LoadDiagnostic> report, BodyArena? arena = null)
    {
        _arena = arena;
        _path = path;
        _fileName = path == "-" ? "-" : System.IO.Path.GetFileName(path);
        _kind = kind;
        _report = report;
    }

    public void Interpret(Node root, string? helmSource, List<KubeObject> output)
    {
        switch (root)
        {
            case ScalarNode { Kind: ScalarKind.Null }:
                return; // an empty document, as between two '---' markers
            case ScalarNode s:
                Report(s, LoadDiagnosticCodes.NotAMapping, DiagnosticSeverity.Error, $"document is a scalar ('{Shorten(s.Text)}'), not an object; skipped");
                return;
            case SequenceNode seq:
                InterpretSequence(seq, helmSource, output);
                return;
            case MappingNode map:
                InterpretMapping(map, helmSource, output);
                return;
        }
    }

    private void InterpretSequence(SequenceNode seq, string? helmSource, List<KubeObject> output)
    {
        // A bare array of objects, as some dump tools write them, is flattened; anything else is not a manifest.
        if (seq.Items.Count > 0 && seq.Items.All(i => i is MappingNode m && m.Get("kind") is not null))
        {
            foreach (var item in seq.Items) InterpretMapping((MappingNode)item, helmSource, output);
            return;
        }

        if (seq.Items.Count > 0 && seq.Items.All(i => i is MappingNode))
        {
            var verdict = NonObjectDocuments.ClassifyRecords(seq);
            Report(seq, LoadDiagnosticCodes.NotAManifest, verdict.Severity, verdict.Message);
            return;
        }

        var what = seq.Items.Count == 0 ? "an empty sequence" : "a sequence";
        Report(seq, LoadDiagnosticCodes.NotAMapping, DiagnosticSeverity.Error, $"document is {what}, not an object; skipped");
    }

    private void InterpretMapping(MappingNode map, string? helmSource, List<KubeObject> output)
    {
        if (_kind == InputKind.CniConfig || (map.Get("kind") is null && map.Get("cniVersion") is not null && (map.Get("type") is not null || map.Get("plugins") is not null)))
        {
            var name = map.GetString("name") is { Length: > 0 } n ? n : _fileName;
            AddConfig(map, ConfigKinds.CniConfig, name, helmSource, output);
            return;
        }

        if (_kind == InputKind.Toml)
        {
            var kind = map.Get("crio") is not null || _fileName.StartsWith("crio", StringComparison.Ordinal) || _path.Contains("crio.conf.d", StringComparison.Ordinal)
                ? ConfigKinds.CrioConfig
                : ConfigKinds.ContainerdConfig;
            AddConfig(map, kind, _fileName, helmSource, output);
            return;
        }

        var kindNode = map.Get("kind");
        var apiVersionNode = map.Get("apiVersion");

        if (kindNode is null && apiVersionNode is null)
        {
            if (map.Get("runtime-endpoint") is not null || map.Get("image-endpoint") is not null)
            {
                AddConfig(map, ConfigKinds.CrictlConfig, _fileName, helmSource, output);
                return;
            }

            if (map.Get("gitVersion") is ScalarNode gv && map.Get("major") is not null)
            {
                AddSynthetic(map, "v1", ConfigKinds.ServerVersion, gv.Text, DocumentClass.Discovery, helmSource, output);
                return;
            }
        }

        if (kindNode is ScalarNode { Kind: ScalarKind.String } k && DiscoveryKinds.Contains(k.Text))
        {
            var apiVersion = (apiVersionNode as ScalarNode)?.Text ?? (k.Text == "APIGroupDiscoveryList" ? "apidiscovery.k8s.io/v2" : "v1");
            var name = map.GetString("groupVersion") ?? map.GetString("name") ?? _fileName;
            AddSynthetic(map, apiVersion, k.Text, name, DocumentClass.Discovery, helmSource, output);
            return;
        }

        // Never null for a document with neither apiVersion nor kind, so the checks below see only would-be objects.
        if (NonObjectDocuments.Classify(map, _path, _fileName) is { } verdict)
        {
            Report(map, LoadDiagnosticCodes.NotAManifest, verdict.Severity, verdict.Message);
            return;
        }

        if (kindNode is not ScalarNode { Kind: ScalarKind.String, Text.Length: > 0 } kindScalar)
        {
            var problem = kindNode is null ? "has no 'kind'" : "has a 'kind' that is not a non-empty string";
            var hint = apiVersionNode is null ? " and no 'apiVersion'" : string.Empty;
            Report(map, LoadDiagnosticCodes.MissingTypeInformation, DiagnosticSeverity.Error, $"document {problem}{hint}; it is not a Kubernetes object and is skipped");
            return;
        }

        if (apiVersionNode is not ScalarNode { Kind: ScalarKind.String, Text.Length: > 0 })
        {
            var problem = apiVersionNode is null ? "has no 'apiVersion'" : "has an 'apiVersion' that is not a non-empty string";
            Report(map, LoadDiagnosticCodes.MissingTypeInformation, DiagnosticSeverity.Error, $"{kindScalar.Text} {NameFor(map)}{problem}; skipped");
            return;
        }

        if (kindScalar.Text.EndsWith("List", StringComparison.Ordinal) && map.Get("items") is SequenceNode items)
        {
            foreach (var item in items.Items) InterpretListItem(item, kindScalar.Text, helmSource, output);

            return;
        }

        var meta = map.Get("metadata") as MappingNode;
        var nameNode = meta?.Get("name");
        if (nameNode is not ScalarNode { Kind: not ScalarKind.Null, Text.Length: > 0 })
        {
            if (meta?.GetString("generateName") is { Length: > 0 })
            {
                // kubectl create accepts generateName; the server picks the name.
                Add(map, DocumentClass.KubernetesObject, helmSource, output);
                return;
            }

            var where = meta is null ? "has no 'metadata'" : "has no 'metadata.name'";
            Report(meta ?? (Node)map, LoadDiagnosticCodes.MissingName, DiagnosticSeverity.Error, $"{kindScalar.Text} {where}; skipped");
            return;
        }

        Add(map, DocumentClass.KubernetesObject, helmSource, output);
    }

    /// <summary>
    /// Whether a document with these top-level keys and a sequence under <c>items</c> is flattened as
    /// a List: the checks <see cref="InterpretMapping"/> makes before it flattens one.
    /// <paramref name="kindMayBeMissing"/> when the document was cut short, perhaps before its kind.
    /// </summary>
    public bool FlattensAsList(MappingNode header, bool kindMayBeMissing)
    {
        if (_kind is InputKind.CniConfig or InputKind.Toml) return false;
        var kindNode = header.Get("kind");
        if (kindNode is null && kindMayBeMissing) return true;
        if (kindNode is not ScalarNode { Kind: ScalarKind.String, Text.Length: > 0 } k || DiscoveryKinds.Contains(k.Text)) return false;
        if (NonObjectDocuments.Classify(header, _path, _fileName) is not null) return false;
        return header.Get("apiVersion") is ScalarNode { Kind: ScalarKind.String, Text.Length: > 0 } && k.Text.EndsWith("List", StringComparison.Ordinal);
    }

    /// <summary>Turns one item of a List into objects; <paramref name="listKind"/> names the List in diagnostics.</summary>
    public void InterpretListItem(Node item, string listKind, string? helmSource, List<KubeObject> output)
    {
        if (item is MappingNode m) InterpretMapping(m, helmSource, output);
        else Report(item, LoadDiagnosticCodes.NotAMapping, DiagnosticSeverity.Error, $"an item of {listKind} is not an object; skipped");
    }

    private void AddConfig(MappingNode map, string kind, string name, string? helmSource, List<KubeObject> output) =>
        AddSynthetic(map, ConfigKinds.ApiVersion, kind, name, DocumentClass.NodeConfiguration, helmSource, output);

    private void AddSynthetic(MappingNode map, string apiVersion, string kind, string name, DocumentClass documentClass, string? helmSource, List<KubeObject> output)
    {
        var (json, lines) = BodyWriter.Write(map, _arena);
        output.Add(new KubeObject(json, new SourceSpan(_path, map.Line, map.Column), documentClass, helmSource, lines, GroupVersionKind.FromApiVersion(apiVersion, kind), name));
    }

    private void Add(MappingNode map, DocumentClass documentClass, string? helmSource, List<KubeObject> output)
    {
        // The interpreter has already checked apiVersion, kind and metadata, so the identity comes
        // from the tree and the body need not be parsed again.
        var (json, lines) = BodyWriter.Write(map, _arena);
        var meta = map.Get("metadata") as MappingNode;
        var name = ScalarText(meta?.Get("name")) ?? meta?.GetString("generateName") ?? string.Empty;
        var parsed = GroupVersionKind.FromApiVersion(ScalarText(map.Get("apiVersion")) ?? string.Empty, ScalarText(map.Get("kind")) ?? string.Empty);
        var gvk = new GroupVersionKind(StringPool.Share(parsed.Group), StringPool.Share(parsed.Version), StringPool.Share(parsed.Kind));
        var ns = ScalarText(meta?.Get("namespace")) is { } n ? StringPool.Share(n) : null;
        var obj = new KubeObject(json, new SourceSpan(_path, map.Line, map.Column), documentClass, helmSource, lines, gvk, name, ns,
            StringMap(meta?.Get("labels")), StringMap(meta?.Get("annotations")));
        // The pod template and the identity are read now, while the object is young and on this
        // worker's core: set later, on an object the collector has promoted, each would cost a
        // card to scan in every collection after (see KubeObject.Workload).
        _ = obj.Workload;
        _ = obj.Ref;
        output.Add(obj);
    }

    // Labels and annotations are read from the tree already in hand (every analysis reads them),
    // rather than by parsing the body again later; null leaves an unusual map to the lazy path.
    private static IReadOnlyDictionary<string, string>? StringMap(Node? node)
    {
        switch (node)
        {
            case null or ScalarNode { Kind: ScalarKind.Null }:
                return KubeObject.EmptyMap;
            case MappingNode { Entries.Count: 0 }:
                return KubeObject.EmptyMap;
            case MappingNode map:
                // Mapping entries are unique already (a repeated key replaced the earlier one).
                var pairs = new string[map.Entries.Count * 2];
                var i = 0;
                foreach (var e in map.Entries)
                {
                    if (e.Value is not ScalarNode { Kind: ScalarKind.String or ScalarKind.Null } v) return null;
                    pairs[i++] = StringPool.Share(e.Key);
                    pairs[i++] = StringPool.Share(v.Text);
                }

                return LoadWorker.ShareMap(new CompactStringMap(pairs));
            default:
                return null;
        }
    }

    private static string? ScalarText(Node? node) =>
        node is ScalarNode { Kind: not ScalarKind.Null } s ? s.Text : null;

    private static string NameFor(MappingNode map) =>
        (map.Get("metadata") as MappingNode)?.GetString("name") is { } n ? $"'{n}' " : string.Empty;

    private void Report(Node node, string code, DiagnosticSeverity severity, string message) =>
        _report(new LoadDiagnostic(new SourceSpan(_path, node.Line, node.Column), code, severity, message));

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
