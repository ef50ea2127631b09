using System.Globalization;
using K8sLandscape.Loading.Trees;
using K8sLandscape.Model;

namespace K8sLandscape.Catalog.Reading;

/// <summary>
/// Maps one <c>components[i]</c> node to a <see cref="ComponentDefinition"/>, recording the mark of
/// every field (camelCase path) and reporting shape errors: unknown keys, a scalar where a list is
/// expected, a boolean that is not one. An entry with a shape error is not returned.
/// </summary>
internal sealed class EntryReader
{
    private static readonly string[] EntryFields = ["id", "name", "category", "provides", "description", "homepage", "includes", "fingerprints", "capabilities"];

    private static readonly string[] FingerprintFields =
    [
        "images", "crdGroups", "crds", "workloads", "csiDrivers", "provisioners", "extendedResources", "draDrivers", "webhooks", "cniTypes",
        "runtimeEngines", "runtimeHandlers", "ingressControllers", "gatewayControllers", "schedulers", "labels", "olmPackages",
    ];

    private static readonly string[] CapabilityFields =
    [
        "cniRole", "networkPolicy", "dataPlane", "encapsulation", "ebpf", "accessModes", "volumeExpansion", "snapshots", "topology",
        "storageCategory", "migratesInTreeProvisioner", "isolation", "criVersions", "operatorCapabilityLevel", "injectionSelectors", "extra",
    ];

    private readonly string _path;
    private readonly List<CatalogDiagnostic> _diagnostics;
    private readonly Dictionary<string, FieldMark> _marks = new(StringComparer.Ordinal);
    private readonly string _label;
    private bool _failed;

    private EntryReader(string path, string label, List<CatalogDiagnostic> diagnostics)
    {
        _path = path;
        _label = label;
        _diagnostics = diagnostics;
    }

    /// <summary>Reads one entry; null when it has a shape error (already reported).</summary>
    public static (ComponentDefinition Definition, Dictionary<string, FieldMark> Marks, string Label)? Read(Node node, int index, string path, string origin, List<CatalogDiagnostic> diagnostics)
    {
        var fallbackLabel = string.Create(CultureInfo.InvariantCulture, $"components[{index}]");
        if (node is not MappingNode map)
        {
            CatalogReader.Add(diagnostics, path, FieldMark.Of(node), fallbackLabel, null, "a component entry must be a mapping");
            return null;
        }

        // The id names the entry in every diagnostic, so it is read first.
        var id = map.Get("id") as ScalarNode;
        var label = id is { Text.Length: > 0 } && !CatalogReader.IsNull(id) ? id.Text : fallbackLabel;
        var reader = new EntryReader(path, label, diagnostics);
        reader._marks[string.Empty] = FieldMark.Of(map);
        var definition = reader.ReadEntry(map, origin);
        return reader._failed ? null : (definition, reader._marks, label);
    }

    private ComponentDefinition ReadEntry(MappingNode map, string origin)
    {
        string? id = null, name = null, category = null, description = null, homepage = null;
        IReadOnlyList<string> provides = [], includes = [];
        var fingerprints = new Fingerprints();
        var capabilities = new ComponentCapabilities();
        foreach (var keyNode in map.Entries)
        {
            var key = Key(keyNode, string.Empty);
            var value = keyNode.Value;
            if (key is null) continue;
            _marks[key] = FieldMark.OfKey(keyNode);
            switch (key)
            {
                case "id": id = Scalar(value, key); break;
                case "name": name = Scalar(value, key); break;
                case "category": category = Scalar(value, key); break;
                case "description": description = Scalar(value, key); break;
                case "homepage": homepage = Scalar(value, key); break;
                case "provides": provides = List(value, key); break;
                case "includes": includes = List(value, key); break;
                case "fingerprints": fingerprints = ReadFingerprints(value); break;
                case "capabilities": capabilities = ReadCapabilities(value); break;
                default: Unknown(keyNode, key, string.Empty, EntryFields); break;
            }
        }

        return new ComponentDefinition
        {
            Id = id ?? string.Empty,
            Name = name ?? string.Empty,
            Category = category ?? string.Empty,
            Description = description,
            Homepage = homepage,
            Provides = provides,
            Includes = includes,
            Fingerprints = fingerprints,
            Capabilities = capabilities,
            Origin = origin,
        };
    }

    private Fingerprints ReadFingerprints(Node node)
    {
        var f = new Fingerprints();
        if (Mapping(node, "fingerprints") is not { } map) return f;
        foreach (var keyNode in map.Entries)
        {
            var key = Key(keyNode, "fingerprints.");
            var value = keyNode.Value;
            if (key is null) continue;
            var path = "fingerprints." + key;
            _marks[path] = FieldMark.OfKey(keyNode);
            f = key switch
            {
                "images" => f with { Images = List(value, path) },
                "crdGroups" => f with { CrdGroups = List(value, path) },
                "crds" => f with { Crds = List(value, path) },
                "workloads" => f with { Workloads = List(value, path) },
                "csiDrivers" => f with { CsiDrivers = List(value, path) },
                "provisioners" => f with { Provisioners = List(value, path) },
                "extendedResources" => f with { ExtendedResources = List(value, path) },
                "draDrivers" => f with { DraDrivers = List(value, path) },
                "webhooks" => f with { Webhooks = List(value, path) },
                "cniTypes" => f with { CniTypes = List(value, path) },
                "runtimeEngines" => f with { RuntimeEngines = List(value, path) },
                "runtimeHandlers" => f with { RuntimeHandlers = List(value, path) },
                "ingressControllers" => f with { IngressControllers = List(value, path) },
                "gatewayControllers" => f with { GatewayControllers = List(value, path) },
                "schedulers" => f with { Schedulers = List(value, path) },
                "labels" => f with { Labels = List(value, path) },
                "olmPackages" => f with { OlmPackages = List(value, path) },
                _ => Unknown(keyNode, key, "fingerprints.", FingerprintFields, f),
            };
        }

        return f;
    }

    private ComponentCapabilities ReadCapabilities(Node node)
    {
        var c = new ComponentCapabilities();
        if (Mapping(node, "capabilities") is not { } map) return c;
        foreach (var keyNode in map.Entries)
        {
            var key = Key(keyNode, "capabilities.");
            var value = keyNode.Value;
            if (key is null) continue;
            var path = "capabilities." + key;
            _marks[path] = FieldMark.OfKey(keyNode);
            c = key switch
            {
                "cniRole" => c with { CniRole = Scalar(value, path) },
                "networkPolicy" => c with { NetworkPolicy = Bool(value, path) },
                "dataPlane" => c with { DataPlane = Scalar(value, path) },
                "encapsulation" => c with { Encapsulation = List(value, path) },
                "ebpf" => c with { Ebpf = Bool(value, path) },
                "accessModes" => c with { AccessModes = List(value, path) },
                "volumeExpansion" => c with { VolumeExpansion = Bool(value, path) },
                "snapshots" => c with { Snapshots = Bool(value, path) },
                "topology" => c with { Topology = Bool(value, path) },
                "storageCategory" => c with { StorageCategory = Scalar(value, path) },
                "migratesInTreeProvisioner" => c with { MigratesInTreeProvisioner = Scalar(value, path) },
                "isolation" => c with { Isolation = Scalar(value, path) },
                "criVersions" => c with { CriVersions = List(value, path) },
                "operatorCapabilityLevel" => c with { OperatorCapabilityLevel = Int(value, path) },
                "injectionSelectors" => c with { InjectionSelectors = List(value, path) },
                "extra" => c with { Extra = Map(value, path) },
                _ => Unknown(keyNode, key, "capabilities.", CapabilityFields, c),
            };
        }

        return c;
    }

    private string? Key(MappingEntry keyNode, string prefix)
    {
        if (keyNode.Key.Length > 0) return keyNode.Key;
        Fail(FieldMark.OfKey(keyNode), prefix.TrimEnd('.'), "a field name must be a non-empty string");
        return null;
    }

    private T Unknown<T>(MappingEntry keyNode, string key, string prefix, string[] known, T unchanged)
    {
        Unknown(keyNode, key, prefix, known);
        return unchanged;
    }

    private void Unknown(MappingEntry keyNode, string key, string prefix, string[] known) =>
        Fail(FieldMark.OfKey(keyNode), prefix + key, "unknown field; known fields here: " + string.Join(", ", known));

    private MappingNode? Mapping(Node node, string path)
    {
        if (node is MappingNode m) return m;
        if (!CatalogReader.IsNull(node)) Fail(FieldMark.Of(node), path, "expected a mapping");
        return null;
    }

    private string? Scalar(Node node, string path)
    {
        if (CatalogReader.IsNull(node)) return null;
        if (node is ScalarNode s) return s.Text;
        Fail(FieldMark.Of(node), path, "expected a single value, not a list or mapping");
        return null;
    }

    private List<string> List(Node node, string path)
    {
        if (CatalogReader.IsNull(node)) return [];
        if (node is not SequenceNode seq)
        {
            Fail(FieldMark.Of(node), path, "expected a list (write [value] for a single value)");
            return [];
        }

        var result = new List<string>(seq.Items.Count);
        for (var i = 0; i < seq.Items.Count; i++)
        {
            var item = seq.Items[i];
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
            _marks[itemPath] = FieldMark.Of(item);
            if (item is ScalarNode s && !CatalogReader.IsNull(s)) result.Add(s.Text);
            else Fail(FieldMark.Of(item), itemPath, "expected a non-empty single value");
        }

        return result;
    }

    private bool? Bool(Node node, string path)
    {
        if (CatalogReader.IsNull(node)) return null;
        if (node is ScalarNode s && bool.TryParse(s.Text, out var b)) return b;
        Fail(FieldMark.Of(node), path, "expected true or false");
        return null;
    }

    private int? Int(Node node, string path)
    {
        if (CatalogReader.IsNull(node)) return null;
        if (node is ScalarNode s && int.TryParse(s.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        Fail(FieldMark.Of(node), path, "expected a whole number");
        return null;
    }

    private Dictionary<string, string> Map(Node node, string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Mapping(node, path) is not { } map) return result;
        foreach (var k in map.Entries)
        {
            var key = Key(k, path + ".");
            if (key is null) continue;
            var itemPath = path + "." + key;
            _marks[itemPath] = FieldMark.OfKey(k);
            if (k.Value is ScalarNode s) result[key] = CatalogReader.IsNull(s) ? string.Empty : s.Text;
            else Fail(FieldMark.Of(k.Value), itemPath, "expected a single value");
        }

        return result;
    }

    private void Fail(FieldMark mark, string field, string message)
    {
        _failed = true;
        CatalogReader.Add(_diagnostics, _path, mark, _label, field.Length == 0 ? null : field, message);
    }
}
