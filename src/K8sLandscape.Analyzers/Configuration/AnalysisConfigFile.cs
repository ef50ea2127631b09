using FluentValidation;
using K8sLandscape.Loading;
using K8sLandscape.Loading.Yaml;
using K8sLandscape.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace K8sLandscape.Analyzers.Configuration;

/// <summary>
/// Reads <c>.k8s-landscape.yaml</c>. The file is looked for in the working folder only (not its
/// parents), unless a path is given explicitly (<c>--config</c>). Every problem is reported with
/// the file, line and key; see docs/configuration.md for the shape.
/// </summary>
public static class AnalysisConfigFile
{
    /// <summary>The file name looked for in the working folder.</summary>
    public const string FileName = ".k8s-landscape.yaml";

    private static readonly string[] TopLevelKeys = ["kubernetesVersion", "minimumSeverity", "rules", "exclude", "catalog", "ignore", "plugins", "compare"];
    private static readonly ConfigDocumentValidator Validator = new();

    /// <summary>The configuration file in <paramref name="directory"/>, or null when there is none.</summary>
    public static string? Find(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var path = Path.Combine(directory, FileName);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Reads and validates a configuration file. Relative paths in it are resolved against its folder.</summary>
    /// <exception cref="ConfigurationException">The file cannot be read or is invalid; every problem is listed.</exception>
    public static AnalysisOptions Load(string path) => Load(path, null);

    /// <summary>
    /// Reads and validates a configuration file, and checks every rule id it names with
    /// <paramref name="isKnownRule"/>, so that unknown ids are reported together with every other
    /// problem of the file. Relative paths in it are resolved against its folder.
    /// </summary>
    /// <exception cref="ConfigurationException">The file cannot be read or is invalid; every problem is listed.</exception>
    public static AnalysisOptions Load(string path, Func<string, bool>? isKnownRule)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException([new ConfigurationError(new SourceSpan(path, 0, 0), "(file)", $"cannot read the configuration file: {ex.Message}")]);
        }

        var full = Path.GetFullPath(path);
        return Parse(text, path, isKnownRule) with { BaseDirectory = Path.GetDirectoryName(full), SourceFile = path };
    }

    /// <summary>Reads and validates configuration text; <paramref name="path"/> names it in errors.</summary>
    /// <exception cref="ConfigurationException">The text is invalid; every problem is listed.</exception>
    public static AnalysisOptions Parse(string text, string path = FileName) => Parse(text, path, null);

    /// <summary>Reads and validates configuration text, checking rule ids with <paramref name="isKnownRule"/> (when given); <paramref name="path"/> names it in errors.</summary>
    /// <exception cref="ConfigurationException">The text is invalid; every problem is listed.</exception>
    public static AnalysisOptions Parse(string text, string path, Func<string, bool>? isKnownRule)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var doc = Read(text, path);
        var errors = new List<ConfigurationError>(doc.ShapeErrors);
        foreach (var failure in Validator.Validate(doc).Errors)
        {
            var at = failure.CustomState as ConfigScalar;
            errors.Add(new ConfigurationError(at?.Location ?? new SourceSpan(path, 0, 0), at?.Key ?? failure.PropertyName, failure.ErrorMessage));
        }

        if (isKnownRule is not null)
        {
            foreach (var id in doc.Rules.Select(r => r.Id).Where(id => RuleIds.IsWellFormed(id.Value) && !isKnownRule(id.Value)))
                errors.Add(new ConfigurationError(id.Location, "rules." + id.Value, $"unknown rule id '{id.Value}'; 'k8s-landscape rules' lists every rule"));
        }

        if (errors.Count > 0) throw new ConfigurationException(errors.OrderBy(e => e.Location).ThenBy(e => e.Key, StringComparer.Ordinal).ToArray());
        return ToOptions(doc);
    }

    private static AnalysisOptions ToOptions(ConfigDocument doc)
    {
        var rules = new SortedDictionary<string, RuleOptions>(StringComparer.Ordinal);
        foreach (var r in doc.Rules)
        {
            DiagnosticSeverity? severity = r.Severity is { } s && SeverityText.TryParse(s.Value, out var sv) ? sv : null;
            bool? enabled = r.Enabled is { } e ? e.Value == "true" : null;
            rules[r.Id.Value] = new RuleOptions(enabled, severity) { Source = r.Id.Location, Settings = r.Settings ?? RuleSettings.Empty };
        }

        return new AnalysisOptions
        {
            ConfiguredKubernetesVersion = doc.KubernetesVersion is { } v ? KubernetesVersion.Parse(v.Value) : null,
            MinimumSeverity = doc.MinimumSeverity is { } m && SeverityText.TryParse(m.Value, out var ms) ? ms : DiagnosticSeverity.Info,
            Rules = rules,
            ExcludedPaths = doc.ExcludedPaths.Select(p => p.Value).ToArray(),
            ExcludedNamespaces = doc.ExcludedNamespaces.Select(n => n.Value).ToArray(),
            CatalogFiles = doc.Catalog.Select(c => c.Value).ToArray(),
            PluginFiles = doc.Plugins.Select(p => p.Value).ToArray(),
            Ignores = doc.Ignores.Select(ToEntry).ToArray(),
            MustMatch = doc.MustMatch.Select(c => c.Value).ToArray(),
            SourceFile = doc.Path,
        };
    }

    private static IgnoreEntry ToEntry(ConfigIgnore i) => new(i.Rule!.Value, i.Reason!.Value.Trim())
    {
        Kind = i.Kind?.Value,
        Namespace = i.Namespace?.Value,
        Name = i.Name?.Value,
        Path = i.Path?.Value,
        Source = i.Location,
    };

    private static ConfigDocument Read(string text, string path)
    {
        var doc = new ConfigDocument { Path = path };

        // The manifest loader's reader checks first: its limits, alias budget and duplicate-key check
        // hold for the configuration file too, so what YamlDotNet reads below is known to be small and sane.
        var problems = YamlDocumentReader.Check(text, path);
        if (problems.Count > 0)
        {
            foreach (var p in problems) doc.ShapeErrors.Add(new ConfigurationError(p.Location, "(syntax)", p.Message));
            return doc;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            doc.ShapeErrors.Add(new ConfigurationError(At(path, ex.Start), "(syntax)", $"invalid YAML: {ex.Message}"));
            return doc;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" or "~" or "null" }) return doc;
        if (stream.Documents.Count > 1) doc.ShapeErrors.Add(new ConfigurationError(At(path, stream.Documents[1].RootNode.Start), "(file)", "the file must hold one YAML document"));
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            doc.ShapeErrors.Add(new ConfigurationError(At(path, stream.Documents[0].RootNode.Start), "(file)", "the file must be a mapping of settings"));
            return doc;
        }

        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((keyNode as YamlScalarNode)?.Value) ?? string.Empty;
            switch (key)
            {
                case "kubernetesVersion":
                    doc.KubernetesVersion = Scalar(doc, path, key, value);
                    break;
                case "minimumSeverity":
                    doc.MinimumSeverity = Scalar(doc, path, key, value);
                    break;
                case "rules":
                    ReadRules(doc, path, value);
                    break;
                case "exclude":
                    ReadExclude(doc, path, value);
                    break;
                case "catalog":
                    ReadList(doc, path, key, value, doc.Catalog);
                    break;
                case "plugins":
                    ReadList(doc, path, key, value, doc.Plugins);
                    break;
                case "ignore":
                    ConfigIgnoreReader.Read(doc, path, value);
                    break;
                case "compare":
                    ReadCompare(doc, path, value);
                    break;
                default:
                    doc.ShapeErrors.Add(new ConfigurationError(At(path, keyNode.Start), key, $"unknown key; expected one of {string.Join(", ", TopLevelKeys)}"));
                    break;
            }
        }

        return doc;
    }

    private static void ReadRules(ConfigDocument doc, string path, YamlNode node)
    {
        if (IsNull(node)) return;
        if (node is not YamlMappingNode rules)
        {
            doc.ShapeErrors.Add(new ConfigurationError(At(path, node.Start), "rules", "must be a mapping of rule ids to settings, such as KL3001: { severity: warning }"));
            return;
        }

        foreach (var (idNode, settings) in rules.Children)
        {
            var id = new ConfigScalar("rules", ((idNode as YamlScalarNode)?.Value) ?? string.Empty, At(path, idNode.Start));
            var prefix = "rules." + id.Value;
            if (settings is not YamlMappingNode map)
            {
                doc.ShapeErrors.Add(new ConfigurationError(At(path, settings.Start), prefix, "must be a mapping such as { severity: warning } or { enabled: false }"));
                continue;
            }

            ConfigScalar? enabled = null, severity = null;
            RuleSettings? ruleSettings = null;
            foreach (var (k, v) in map.Children)
            {
                var name = ((k as YamlScalarNode)?.Value) ?? string.Empty;
                if (name == "enabled") enabled = Scalar(doc, path, prefix + ".enabled", v);
                else if (name == "severity") severity = Scalar(doc, path, prefix + ".severity", v);
                else if (name == "options" && v is YamlMappingNode o) ruleSettings = YamlSettingsReader.Read(o, prefix + ".options", At(path, k.Start), path);
                else if (name == "options" && !IsNull(v)) doc.ShapeErrors.Add(new ConfigurationError(At(path, v.Start), prefix + ".options", "must be a mapping of the rule's own settings, such as { maxWebhooks: 3 }"));
                else if (name != "options") doc.ShapeErrors.Add(new ConfigurationError(At(path, k.Start), prefix + "." + name, "unknown key; expected enabled, severity or options"));
            }

            doc.Rules.Add(new ConfigRule(id, enabled, severity) { Settings = ruleSettings });
        }
    }

    private static void ReadExclude(ConfigDocument doc, string path, YamlNode node)
    {
        if (IsNull(node)) return;
        if (node is not YamlMappingNode map)
        {
            doc.ShapeErrors.Add(new ConfigurationError(At(path, node.Start), "exclude", "must be a mapping with paths and namespaces"));
            return;
        }

        foreach (var (k, v) in map.Children)
        {
            var name = ((k as YamlScalarNode)?.Value) ?? string.Empty;
            if (name == "paths") ReadList(doc, path, "exclude.paths", v, doc.ExcludedPaths);
            else if (name == "namespaces") ReadList(doc, path, "exclude.namespaces", v, doc.ExcludedNamespaces);
            else doc.ShapeErrors.Add(new ConfigurationError(At(path, k.Start), "exclude." + name, "unknown key; expected paths or namespaces"));
        }
    }

    private static void ReadCompare(ConfigDocument doc, string path, YamlNode node)
    {
        if (IsNull(node)) return;
        if (node is not YamlMappingNode map)
        {
            doc.ShapeErrors.Add(new ConfigurationError(At(path, node.Start), "compare", "must be a mapping such as { mustMatch: [pod-network] }"));
            return;
        }

        foreach (var (k, v) in map.Children)
        {
            var name = ((k as YamlScalarNode)?.Value) ?? string.Empty;
            if (name == "mustMatch") ReadList(doc, path, "compare.mustMatch", v, doc.MustMatch);
            else doc.ShapeErrors.Add(new ConfigurationError(At(path, k.Start), "compare." + name, "unknown key; expected mustMatch"));
        }
    }

    internal static void ReadList(ConfigDocument doc, string path, string key, YamlNode node, List<ConfigScalar> into)
    {
        if (IsNull(node)) return;
        if (node is not YamlSequenceNode seq)
        {
            doc.ShapeErrors.Add(new ConfigurationError(At(path, node.Start), key, "must be a list, such as [a, b]"));
            return;
        }

        foreach (var item in seq.Children)
        {
            if (Scalar(doc, path, key, item) is { } s) into.Add(s);
        }
    }

    internal static ConfigScalar? Scalar(ConfigDocument doc, string path, string key, YamlNode node)
    {
        if (node is YamlScalarNode { Value: { } v }) return new ConfigScalar(key, v, At(path, node.Start));
        doc.ShapeErrors.Add(new ConfigurationError(At(path, node.Start), key, "must be a single value"));
        return null;
    }

    internal static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not (ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted), Value: null or "" or "~" or "null" };

    internal static SourceSpan At(string path, Mark mark) => new(path, (int)mark.Line, (int)mark.Column);
}
