using K8sLandscape.Json;
using Newtonsoft.Json;

namespace K8sLandscape.Analyzers.Fleet;

/// <summary>Writes a fleet matrix as JSON following <c>docs/fleet-schema.json</c>.</summary>
public static class FleetJsonWriter
{
    /// <summary>The value of <c>kind</c>.</summary>
    public const string Kind = "FleetMatrix";

    /// <summary>The version of this JSON shape; bumped on breaking changes.</summary>
    public const string SchemaVersion = "1.0";

    /// <summary>Writes <paramref name="m"/> to <paramref name="output"/>.</summary>
    public static void Write(FleetMatrix m, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(output);
        using var w = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartObject();
        w.Property("schemaVersion", SchemaVersion);
        w.Property("kind", Kind);
        w.Property("fragmentation", m.Fragmentation);
        w.Property("fragmentedPoints", m.FragmentedPoints);
        w.Property("oddCells", m.OddCells);
        w.WritePropertyName("clusters");
        w.WriteStartArray();
        foreach (var c in m.Clusters)
        {
            w.WriteStartObject();
            w.Property("name", c.Name);
            w.Property("source", c.Source);
            w.Property("kubernetesVersion", c.KubernetesVersion);
            w.Property("objects", c.Objects);
            w.Property("loadErrors", c.LoadErrors);
            foreach (var s in new[] { "error", "warning", "info" })
            {
                w.Property(s + "s", c.Count(s));
            }

            w.WritePropertyName("rules");
            w.WriteStartArray();
            foreach (var r in c.Rules)
            {
                w.WriteStartObject();
                w.Property("ruleId", r.RuleId);
                w.Property("severity", r.Severity);
                w.Property("count", r.Count);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WritePropertyName("extensionPoints");
        w.WriteStartArray();
        foreach (var p in m.Points)
        {
            w.WriteStartObject();
            w.Property("area", p.Area);
            w.Property("name", p.Name);
            w.Property("present", p.Present);
            w.Property("implementations", p.Implementations);
            w.Property("versions", p.Versions);
            w.Property("variants", p.Variants);
            w.Property("fragmentation", p.Fragmentation);
            w.WritePropertyName("cells");
            w.WriteStartArray();
            for (var i = 0; i < p.Cells.Count; i++)
            {
                var cell = p.Cells[i];
                w.WriteStartObject();
                w.Property("cluster", m.Clusters[i].Name);
                w.Property("value", cell.Present ? cell.Display : null);
                w.Property("signature", cell.Present ? cell.Signature : null);
                w.Property("odd", cell.Odd);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteLine();
    }
}
