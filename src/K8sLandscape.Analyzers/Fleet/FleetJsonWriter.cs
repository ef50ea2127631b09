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
        w.WritePropertyName("schemaVersion");
        w.WriteValue(SchemaVersion);
        w.WritePropertyName("kind");
        w.WriteValue(Kind);
        w.WritePropertyName("fragmentation");
        w.WriteValue(m.Fragmentation);
        w.WritePropertyName("fragmentedPoints");
        w.WriteValue(m.FragmentedPoints);
        w.WritePropertyName("oddCells");
        w.WriteValue(m.OddCells);
        w.WritePropertyName("clusters");
        w.WriteStartArray();
        foreach (var c in m.Clusters)
        {
            w.WriteStartObject();
            w.WritePropertyName("name");
            w.WriteValue(c.Name);
            w.WritePropertyName("source");
            w.WriteValue(c.Source);
            w.WritePropertyName("kubernetesVersion");
            w.WriteValue(c.KubernetesVersion);
            w.WritePropertyName("objects");
            w.WriteValue(c.Objects);
            w.WritePropertyName("loadErrors");
            w.WriteValue(c.LoadErrors);
            foreach (var s in new[] { "error", "warning", "info" })
            {
                w.WritePropertyName(s + "s");
                w.WriteValue(c.Count(s));
            }

            w.WritePropertyName("rules");
            w.WriteStartArray();
            foreach (var r in c.Rules)
            {
                w.WriteStartObject();
                w.WritePropertyName("ruleId");
                w.WriteValue(r.RuleId);
                w.WritePropertyName("severity");
                w.WriteValue(r.Severity);
                w.WritePropertyName("count");
                w.WriteValue(r.Count);
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
            w.WritePropertyName("area");
            w.WriteValue(p.Area);
            w.WritePropertyName("name");
            w.WriteValue(p.Name);
            w.WritePropertyName("present");
            w.WriteValue(p.Present);
            w.WritePropertyName("implementations");
            w.WriteValue(p.Implementations);
            w.WritePropertyName("versions");
            w.WriteValue(p.Versions);
            w.WritePropertyName("variants");
            w.WriteValue(p.Variants);
            w.WritePropertyName("fragmentation");
            w.WriteValue(p.Fragmentation);
            w.WritePropertyName("cells");
            w.WriteStartArray();
            for (var i = 0; i < p.Cells.Count; i++)
            {
                var cell = p.Cells[i];
                w.WriteStartObject();
                w.WritePropertyName("cluster");
                w.WriteValue(m.Clusters[i].Name);
                w.WritePropertyName("value");
                w.WriteValue(cell.Present ? cell.Display : null);
                w.WritePropertyName("signature");
                w.WriteValue(cell.Present ? cell.Signature : null);
                w.WritePropertyName("odd");
                w.WriteValue(cell.Odd);
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
