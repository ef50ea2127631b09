using YamlDotNet.RepresentationModel;
using static K8sLandscape.Analyzers.Configuration.AnalysisConfigFile;

namespace K8sLandscape.Analyzers.Configuration;

/// <summary>Reads the <c>ignore:</c> list: a list of mappings with <c>rule</c>, <c>reason</c> and optional criteria.</summary>
internal static class ConfigIgnoreReader
{
    private const string Keys = "rule, kind, namespace, name, path or reason";

    public static void Read(ConfigDocument doc, string path, YamlNode node)
    {
        if (IsNull(node)) return;
        if (node is not YamlSequenceNode seq)
        {
            doc.ShapeErrors.Add(new ConfigurationError(At(path, node.Start), "ignore", "must be a list of entries such as - { rule: KL3001, name: \"vendor-*\", reason: \"...\" }"));
            return;
        }

        for (var i = 0; i < seq.Children.Count; i++)
        {
            var item = seq.Children[i];
            var key = $"ignore[{i}]";
            if (item is not YamlMappingNode map)
            {
                doc.ShapeErrors.Add(new ConfigurationError(At(path, item.Start), key, "must be a mapping with rule, reason and optional kind, namespace, name and path"));
                continue;
            }

            var entry = new ConfigIgnore(key, At(path, item.Start));
            foreach (var (k, v) in map.Children)
            {
                var name = ((k as YamlScalarNode)?.Value) ?? string.Empty;
                var value = name switch
                {
                    "rule" or "kind" or "namespace" or "name" or "path" or "reason" => Scalar(doc, path, $"{key}.{name}", v),
                    _ => null,
                };
                switch (name)
                {
                    case "rule": entry.Rule = value; break;
                    case "kind": entry.Kind = value; break;
                    case "namespace": entry.Namespace = value; break;
                    case "name": entry.Name = value; break;
                    case "path": entry.Path = value; break;
                    case "reason": entry.Reason = value; break;
                    default:
                        doc.ShapeErrors.Add(new ConfigurationError(At(path, k.Start), $"{key}.{name}", $"unknown key; expected {Keys}"));
                        break;
                }
            }

            if (entry.Rule is null)
            {
                doc.ShapeErrors.Add(new ConfigurationError(entry.Location, key + ".rule", "is required: the rule id the entry suppresses"));
            }

            if (entry.Reason is null || entry.Reason.Value.Trim().Length == 0)
            {
                doc.ShapeErrors.Add(new ConfigurationError(entry.Reason?.Location ?? entry.Location, key + ".reason", "is required: say why these findings are accepted"));
            }

            // Kept even when incomplete, so its other values are judged too; options are built only from a valid file.
            doc.Ignores.Add(entry);
        }
    }
}
