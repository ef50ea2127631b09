using K8sLandscape.Json;
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
        w.Property("schemaVersion", SchemaVersion);
        w.Property("kind", Kind);
        Side(w, "a", c.A);
        Side(w, "b", c.B);
        w.Strings("mustMatch", c.MustMatch.Patterns);
        w.Property("mustMatchViolations", c.MustMatchViolations.Count);
        w.Property("samePoints", c.SamePoints);
        w.WritePropertyName("differences");
        w.WriteStartArray();
        foreach (var d in c.Differences)
        {
            w.WriteStartObject();
            w.Property("area", d.Area);
            w.Property("name", d.Name);
            w.Property("mustMatch", d.MustMatch);
            Implementations(w, "onlyA", d.OnlyA);
            Implementations(w, "onlyB", d.OnlyB);
            w.WritePropertyName("changed");
            w.WriteStartArray();
            foreach (var ch in d.Changed)
            {
                w.WriteStartObject();
                w.Property("id", ch.Id);
                w.Property("name", ch.Name);
                w.Strings("versionsA", ch.VersionsA);
                w.Strings("versionsB", ch.VersionsB);
                w.WritePropertyName("settings");
                w.WriteStartArray();
                foreach (var s in ch.Settings)
                {
                    w.WriteStartObject();
                    w.Property("key", s.Key);
                    w.Property("a", s.A);
                    w.Property("b", s.B);
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
        w.Property("name", s.Name);
        w.Property("source", s.Source);
        w.Property("kubernetesVersion", s.KubernetesVersion);
        w.Property("objects", s.ObjectCount);
        w.Property("loadErrors", s.LoadErrors);
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
}
