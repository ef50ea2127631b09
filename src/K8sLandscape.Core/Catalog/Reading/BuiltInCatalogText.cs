using System.Globalization;
using System.Text;
using K8sLandscape.Model;

namespace K8sLandscape.Catalog.Reading;

/// <summary>
/// The form the built-in catalog ships in: the entries of <c>Catalog/Data/*.yaml</c>, already read
/// and validated, one <c>field TAB value [TAB value]...</c> line per set field, each entry starting
/// with its <c>id</c> line. Reading it is a split per line: no YAML parser and no validators run when
/// a process first needs the catalog (they cost a small analyze about a quarter of its time). The
/// YAML stays the source; a test regenerates this form from it and fails when the two differ.
/// </summary>
internal static class BuiltInCatalogText
{
    /// <summary>The header of the generated file: what made it and how to remake it.</summary>
    public const string Header =
        "# Generated from Catalog/Data/*.yaml (read and validated): do not edit. After changing the YAML, run\n" +
        "# K8SLANDSCAPE_REGENERATE=1 dotnet test tests/K8sLandscape.Core.Tests --filter BuiltInCatalogSourceTests\n";

    /// <summary>Writes the definitions in order; every field that is set, in a fixed order.</summary>
    public static string Write(IEnumerable<ComponentDefinition> definitions)
    {
        var text = new StringBuilder(Header);
        foreach (var d in definitions)
        {
            text.Append('\n');
            Line(text, "id", d.Id);
            Line(text, "name", d.Name);
            Line(text, "category", d.Category);
            Line(text, "provides", d.Provides);
            Line(text, "description", d.Description);
            Line(text, "homepage", d.Homepage);
            Line(text, "includes", d.Includes);

            var f = d.Fingerprints;
            Line(text, "fingerprints.images", f.Images);
            Line(text, "fingerprints.crdGroups", f.CrdGroups);
            Line(text, "fingerprints.crds", f.Crds);
            Line(text, "fingerprints.workloads", f.Workloads);
            Line(text, "fingerprints.csiDrivers", f.CsiDrivers);
            Line(text, "fingerprints.provisioners", f.Provisioners);
            Line(text, "fingerprints.extendedResources", f.ExtendedResources);
            Line(text, "fingerprints.draDrivers", f.DraDrivers);
            Line(text, "fingerprints.webhooks", f.Webhooks);
            Line(text, "fingerprints.cniTypes", f.CniTypes);
            Line(text, "fingerprints.runtimeEngines", f.RuntimeEngines);
            Line(text, "fingerprints.runtimeHandlers", f.RuntimeHandlers);
            Line(text, "fingerprints.ingressControllers", f.IngressControllers);
            Line(text, "fingerprints.gatewayControllers", f.GatewayControllers);
            Line(text, "fingerprints.schedulers", f.Schedulers);
            Line(text, "fingerprints.labels", f.Labels);
            Line(text, "fingerprints.olmPackages", f.OlmPackages);

            var c = d.Capabilities;
            Line(text, "capabilities.cniRole", c.CniRole);
            Line(text, "capabilities.networkPolicy", Text(c.NetworkPolicy));
            Line(text, "capabilities.dataPlane", c.DataPlane);
            Line(text, "capabilities.encapsulation", c.Encapsulation);
            Line(text, "capabilities.ebpf", Text(c.Ebpf));
            Line(text, "capabilities.accessModes", c.AccessModes);
            Line(text, "capabilities.volumeExpansion", Text(c.VolumeExpansion));
            Line(text, "capabilities.snapshots", Text(c.Snapshots));
            Line(text, "capabilities.topology", Text(c.Topology));
            Line(text, "capabilities.storageCategory", c.StorageCategory);
            Line(text, "capabilities.migratesInTreeProvisioner", c.MigratesInTreeProvisioner);
            Line(text, "capabilities.isolation", c.Isolation);
            Line(text, "capabilities.criVersions", c.CriVersions);
            Line(text, "capabilities.operatorCapabilityLevel", c.OperatorCapabilityLevel?.ToString(CultureInfo.InvariantCulture));
            Line(text, "capabilities.injectionSelectors", c.InjectionSelectors);

            // One line per pair keeps the dictionary's order and allows any key.
            foreach (var (key, value) in c.Extra) Line(text, "capabilities.extra", [key, value]);

            if (d.Origin != "built-in") Line(text, "origin", d.Origin);
        }

        return text.ToString();
    }

    /// <summary>
    /// Reads the generated text; <paramref name="name"/> names it in diagnostics. A line it does not
    /// understand (the file and the reader out of step, a library bug) becomes a diagnostic.
    /// </summary>
    public static List<ComponentDefinition> Read(string text, string name, List<CatalogDiagnostic> diagnostics)
    {
        var definitions = new List<ComponentDefinition>();
        Entry? entry = null;
        var lineNumber = 0;
        for (var start = 0; start < text.Length;)
        {
            lineNumber++;
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var line = text.AsSpan(start, end - start).TrimEnd('\r');
            start = end + 1;
            if (line.IsEmpty || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            var key = tab < 0 ? line : line[..tab];
            var values = tab < 0 ? [] : Values(line[(tab + 1)..]);
            if (key.SequenceEqual("id"))
            {
                if (entry is not null) definitions.Add(entry.Build(name, diagnostics));
                entry = new Entry { Id = Single(values) };
                continue;
            }

            if (entry is null || !entry.Set(key, values, lineNumber))
                diagnostics.Add(Unknown(name, lineNumber, entry?.Id, key.ToString()));
        }

        if (entry is not null) definitions.Add(entry.Build(name, diagnostics));
        return definitions;
    }

    private static CatalogDiagnostic Unknown(string name, int line, string? id, string key) =>
        new(name, line, 1, id, key, "unknown field in the generated built-in catalog");

    private static void Line(StringBuilder text, string key, string? value)
    {
        if (value is null) return;
        text.Append(key).Append('\t');
        Escape(text, value);
        text.Append('\n');
    }

    private static void Line(StringBuilder text, string key, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        text.Append(key);
        foreach (var v in values)
        {
            text.Append('\t');
            Escape(text, v);
        }

        text.Append('\n');
    }

    private static string? Text(bool? value) => value switch { null => null, true => "true", false => "false" };

    private static void Escape(StringBuilder text, string value)
    {
        foreach (var ch in value)
        {
            _ = ch switch
            {
                '\\' => text.Append(@"\\"),
                '\t' => text.Append(@"\t"),
                '\n' => text.Append(@"\n"),
                '\r' => text.Append(@"\r"),
                _ => text.Append(ch),
            };
        }
    }

    private static string[] Values(ReadOnlySpan<char> rest)
    {
        var values = new string[rest.Count('\t') + 1];
        for (var i = 0; i < values.Length; i++)
        {
            var tab = rest.IndexOf('\t');
            values[i] = Unescape(tab < 0 ? rest : rest[..tab]);
            if (tab >= 0) rest = rest[(tab + 1)..];
        }

        return values;
    }

    private static string Unescape(ReadOnlySpan<char> value)
    {
        if (!value.Contains('\\')) return value.ToString();
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 == value.Length)
            {
                text.Append(value[i]);
                continue;
            }

            text.Append(value[++i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', var other => other });
        }

        return text.ToString();
    }

    private static string Single(string[] values) => values.Length > 0 ? values[0] : string.Empty;

    /// <summary>
    /// The fields of one entry as they are read; built once at the entry's end. A field that
    /// <see cref="Build"/> does not read is unknown: the field names stand only in <see cref="Write"/>
    /// and in <see cref="Build"/>, which the round-trip test keeps in step.
    /// </summary>
    private sealed class Entry
    {
        private static readonly string[] None = [];
        private readonly Dictionary<string, (string[] Values, int Line)> _lists = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _extra = new(StringComparer.Ordinal);
        private readonly HashSet<string> _read = new(StringComparer.Ordinal);

        public required string Id { get; init; }

        public bool Set(ReadOnlySpan<char> key, string[] values, int line)
        {
            var name = key.ToString();
            if (name == "capabilities.extra")
            {
                if (values.Length != 2) return false;
                _extra[values[0]] = values[1];
                return true;
            }

            _lists[name] = (values, line);
            return true;
        }

        public ComponentDefinition Build(string name, List<CatalogDiagnostic> diagnostics)
        {
            var definition = Definition();
            foreach (var (key, (_, line)) in _lists)
            {
                if (!_read.Contains(key)) diagnostics.Add(Unknown(name, line, Id, key));
            }

            return definition;
        }

        private ComponentDefinition Definition() => new()
        {
            Id = Id,
            Name = Scalar("name") ?? string.Empty,
            Category = Scalar("category") ?? string.Empty,
            Provides = List("provides"),
            Description = Scalar("description"),
            Homepage = Scalar("homepage"),
            Includes = List("includes"),
            Fingerprints = new Fingerprints
            {
                Images = List("fingerprints.images"),
                CrdGroups = List("fingerprints.crdGroups"),
                Crds = List("fingerprints.crds"),
                Workloads = List("fingerprints.workloads"),
                CsiDrivers = List("fingerprints.csiDrivers"),
                Provisioners = List("fingerprints.provisioners"),
                ExtendedResources = List("fingerprints.extendedResources"),
                DraDrivers = List("fingerprints.draDrivers"),
                Webhooks = List("fingerprints.webhooks"),
                CniTypes = List("fingerprints.cniTypes"),
                RuntimeEngines = List("fingerprints.runtimeEngines"),
                RuntimeHandlers = List("fingerprints.runtimeHandlers"),
                IngressControllers = List("fingerprints.ingressControllers"),
                GatewayControllers = List("fingerprints.gatewayControllers"),
                Schedulers = List("fingerprints.schedulers"),
                Labels = List("fingerprints.labels"),
                OlmPackages = List("fingerprints.olmPackages"),
            },
            Capabilities = new ComponentCapabilities
            {
                CniRole = Scalar("capabilities.cniRole"),
                NetworkPolicy = Bool("capabilities.networkPolicy"),
                DataPlane = Scalar("capabilities.dataPlane"),
                Encapsulation = List("capabilities.encapsulation"),
                Ebpf = Bool("capabilities.ebpf"),
                AccessModes = List("capabilities.accessModes"),
                VolumeExpansion = Bool("capabilities.volumeExpansion"),
                Snapshots = Bool("capabilities.snapshots"),
                Topology = Bool("capabilities.topology"),
                StorageCategory = Scalar("capabilities.storageCategory"),
                MigratesInTreeProvisioner = Scalar("capabilities.migratesInTreeProvisioner"),
                Isolation = Scalar("capabilities.isolation"),
                CriVersions = List("capabilities.criVersions"),
                OperatorCapabilityLevel = Scalar("capabilities.operatorCapabilityLevel") is { } level ? int.Parse(level, CultureInfo.InvariantCulture) : null,
                InjectionSelectors = List("capabilities.injectionSelectors"),
                Extra = _extra,
            },
            Origin = Scalar("origin") ?? "built-in",
        };

        private string? Scalar(string key) => List(key) is { Length: > 0 } v ? v[0] : _lists.ContainsKey(key) ? string.Empty : null;

        private string[] List(string key)
        {
            _read.Add(key);
            return _lists.TryGetValue(key, out var v) ? v.Values : None;
        }

        private bool? Bool(string key) => Scalar(key) is { } v ? v == "true" : null;
    }
}
