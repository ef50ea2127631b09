using Newtonsoft.Json;

namespace K8sLandscape.Analyzers.Fleet;

/// <summary>Writes a comparison as JSON following <c>docs/compare-schema.json</c>.</summary>
public static class CompareJsonWriter
{
    /// <summary>The value of <c>kind</c>.</summary>
    public const string Kind = "LandscapeComparison";

    /// <summary>The version of this JSON shape; bumped on breaking changes.</summary>
    public const string SchemaVersion = "1.0";

    /// <summary>Writes <paramref name="c"/> to <paramref name="output"/>.</summary>
    public static void Write(LandscapeComparison c, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(output);
        using var w = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartObject();
        w.WritePropertyName("schemaVersion");
        w.WriteValue(SchemaVersion);
        w.WritePropertyName("kind");
        w.WriteValue(Kind);
        Side(w, "a", c.A);
        Side(w, "b", c.B);
        w.WritePropertyName("mustMatch");
        w.WriteStartArray();
        foreach (var p in c.MustMatch.Patterns) w.WriteValue(p);
        w.WriteEndArray();
        w.WritePropertyName("mustMatchViolations");
        w.WriteValue(c.MustMatchViolations.Count);
        w.WritePropertyName("samePoints");
        w.WriteValue(c.SamePoints);
        w.WritePropertyName("differences");
        w.WriteStartArray();
        foreach (var d in c.Differences)
        {
            w.WriteStartObject();
            w.WritePropertyName("area");
            w.WriteValue(d.Area);
            w.WritePropertyName("name");
            w.WriteValue(d.Name);
            w.WritePropertyName("mustMatch");
            w.WriteValue(d.MustMatch);
            Implementations(w, "onlyA", d.OnlyA);
            Implementations(w, "onlyB", d.OnlyB);
            w.WritePropertyName("changed");
            w.WriteStartArray();
            foreach (var ch in d.Changed)
            {
                w.WriteStartObject();
                w.WritePropertyName("id");
                w.WriteValue(ch.Id);
                w.WritePropertyName("name");
                w.WriteValue(ch.Name);
                Strings(w, "versionsA", ch.VersionsA);
                Strings(w, "versionsB", ch.VersionsB);
                w.WritePropertyName("settings");
                w.WriteStartArray();
                foreach (var s in ch.Settings)
                {
                    w.WriteStartObject();
                    w.WritePropertyName("key");
                    w.WriteValue(s.Key);
                    w.WritePropertyName("a");
                    w.WriteValue(s.A);
                    w.WritePropertyName("b");
                    w.WriteValue(s.B);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Findings(w, "findingsOnlyA", c.FindingsOnlyA);
        Findings(w, "findingsOnlyB", c.FindingsOnlyB);
        w.WriteEndObject();
        w.Flush();
        output.WriteLine();
    }

    private static void Side(JsonWriter w, string name, LandscapeSummary s)
    {
        w.WritePropertyName(name);
        w.WriteStartObject();
        w.WritePropertyName("name");
        w.WriteValue(s.Name);
        w.WritePropertyName("source");
        w.WriteValue(s.Source);
        w.WritePropertyName("kubernetesVersion");
        w.WriteValue(s.KubernetesVersion);
        w.WritePropertyName("objects");
        w.WriteValue(s.ObjectCount);
        w.WritePropertyName("loadErrors");
        w.WriteValue(s.LoadErrors);
        w.WriteEndObject();
    }

    private static void Implementations(JsonWriter w, string name, IReadOnlyList<SummaryImplementation> items)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var i in items) LandscapeSummaryJson.WriteImplementation(w, i);
        w.WriteEndArray();
    }

    private static void Findings(JsonWriter w, string name, IReadOnlyList<SummaryFinding> items)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var f in items) LandscapeSummaryJson.WriteFinding(w, f);
        w.WriteEndArray();
    }

    private static void Strings(JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var v in values) w.WriteValue(v);
        w.WriteEndArray();
    }
}
