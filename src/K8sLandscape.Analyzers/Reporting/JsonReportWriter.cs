using K8sLandscape.Analyzers.Fleet;
using K8sLandscape.Json;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Sources;
using Newtonsoft.Json;

namespace K8sLandscape.Analyzers.Reporting;

/// <summary>
/// Writes the report as JSON following <c>docs/report-schema.json</c> (<see cref="SchemaVersion"/>):
/// the tool, a summary, the findings (rule, severity, message, location, related locations, subject,
/// suppression, fingerprint, properties), the rules that ran, the inventory summary (components and
/// implementation counts per extension point), the load diagnostics, for a cluster the coverage, and the landscape summary <c>fleet</c> and <c>compare</c> read back.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    /// <summary>The version of the JSON shape: the major number changes on breaking changes.</summary>
    public const string SchemaVersion = "1.1";

    /// <inheritdoc />
    public string Format => ReportFormats.Json;

    /// <inheritdoc />
    public string FileExtension => ".json";

    /// <inheritdoc />
    public void Write(AnalysisReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var landscape = report.Landscape;
        var summary = report.Summary;
        using var w = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartObject();
        w.Property("schemaVersion", SchemaVersion);
        w.WritePropertyName("tool");
        w.WriteStartObject();
        w.Property("name", AnalysisReport.ToolName);
        w.Property("version", report.ToolVersion);
        w.WriteEndObject();
        w.WritePropertyName("inputs");
        w.WriteStartArray();
        foreach (var i in report.Inputs) w.WriteValue(report.DisplayPath(i));
        w.WriteEndArray();
        w.Property("kubernetesVersion", landscape.KubernetesVersion.ToString());

        w.WritePropertyName("summary");
        w.WriteStartObject();
        w.Property("objects", landscape.Objects.All.Count);
        w.Property("components", landscape.Components.Count);
        w.Property("rules", report.Rules.Count);
        w.Property("findings", report.Findings.Count);
        w.Property("errors", summary.Errors);
        w.Property("warnings", summary.Warnings);
        w.Property("infos", summary.Infos);
        w.Property("suppressed", summary.Suppressed);
        w.WriteEndObject();

        w.WritePropertyName("findings");
        w.WriteStartArray();
        foreach (var f in report.Findings) WriteFinding(w, f, report);
        w.WriteEndArray();

        w.WritePropertyName("rules");
        w.WriteStartArray();
        foreach (var r in report.Rules) WriteRule(w, r, report);
        w.WriteEndArray();

        WriteInventory(w, landscape, new ConflictMap(report));

        w.WritePropertyName("loadDiagnostics");
        w.WriteStartArray();
        foreach (var d in landscape.LoadDiagnostics) WriteDiagnostic(w, d, report);
        w.WriteEndArray();

        if (report.Coverage is { } coverage) WriteCoverage(w, coverage);

        // The summary lets 'fleet' and 'compare' read a saved report instead of the cluster again.
        w.WritePropertyName(LandscapeSummaryJson.ReportProperty);
        LandscapeSummaryJson.Write(w, LandscapeSummaryBuilder.Build(landscape, report.Findings, SummaryName(report), SummarySource(report)));
        w.WriteEndObject();
        w.Flush();
        output.WriteLine();
        output.Flush();
    }

    private static string SummaryName(AnalysisReport report) =>
        report.Coverage?.Context ?? (report.Inputs.Count == 1 ? LandscapeSummaryBuilder.NameOf(report.Inputs[0]) : "cluster");

    private static string SummarySource(AnalysisReport report) =>
        report.Coverage is { } c ? "context:" + c.Context : string.Join(", ", report.Inputs.Select(report.DisplayPath));

    private static void WriteFinding(JsonWriter w, Finding f, AnalysisReport report)
    {
        w.WriteStartObject();
        w.Property("ruleId", f.Id);
        w.Property("severity", SeverityText.Format(f.Severity));
        w.Property("area", AnalysisReport.AreaOf(f.Rule));
        w.Property("title", f.Rule.Title);
        w.Property("message", f.Message);
        w.WritePropertyName("location");
        WriteSpan(w, f.Location, report, withSubject: false);
        w.WritePropertyName("relatedLocations");
        w.WriteStartArray();
        foreach (var r in f.RelatedLocations) WriteSpan(w, r, report, withSubject: true);
        w.WriteEndArray();
        w.WritePropertyName("subject");
        WriteRef(w, f.Subject);
        w.Property("suppressed", f.Suppressed);
        w.OptionalProperty("suppressionReason", f.SuppressionReason);
        w.Property("fingerprint", FindingFingerprint.Compute(f, report));
        w.WritePropertyName("properties");
        w.WriteStartObject();
        foreach (var (k, v) in f.Properties) w.Property(k, v);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteRule(JsonWriter w, RuleDescriptor r, AnalysisReport report)
    {
        w.WriteStartObject();
        w.Property("id", r.Id);
        w.Property("title", r.Title);
        w.Property("area", AnalysisReport.AreaOf(r));
        w.Property("defaultSeverity", SeverityText.Format(r.DefaultSeverity));
        w.Property("helpUri", (report.HelpUriOf(r) ?? r.HelpUri).OriginalString);
        w.WriteEndObject();
    }

    private static void WriteInventory(JsonWriter w, Landscape landscape, ConflictMap conflicts)
    {
        w.WritePropertyName("inventory");
        w.WriteStartObject();
        w.WritePropertyName("components");
        w.WriteStartArray();
        foreach (var c in landscape.Components)
        {
            w.WriteStartObject();
            w.Property("id", c.Id);
            w.Property("name", c.Definition.Name);
            w.Property("category", c.Definition.Category);
            w.Strings("provides", c.Definition.Provides);
            w.Property("objectCount", c.Objects.Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WritePropertyName("extensionPoints");
        w.WriteStartArray();
        foreach (var p in landscape.ExtensionPoints)
        {
            w.WriteStartObject();
            w.Property("area", p.Area);
            w.Property("name", p.Name);
            w.Property("expectsSingle", p.ExpectsSingle);
            w.Property("implementationCount", p.Implementations.Count);
            w.Property("conflicting", conflicts.IsConflicting(p));
            w.WritePropertyName("implementations");
            w.WriteStartArray();
            foreach (var i in p.Implementations)
            {
                w.WriteStartObject();
                w.Property("id", i.Id);
                w.Property("name", i.Name);
                w.Property("recognized", i.Recognized);
                w.Property("objectCount", i.Objects.Count);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteDiagnostic(JsonWriter w, LoadDiagnostic d, AnalysisReport report)
    {
        w.WriteStartObject();
        w.Property("code", d.Code);
        w.Property("severity", SeverityText.Format(d.Severity));
        w.Property("message", d.Message);
        w.WritePropertyName("location");
        WriteSpan(w, d.Location, report, withSubject: false);
        w.WriteEndObject();
    }

    private static void WriteCoverage(JsonWriter w, ClusterCoverage c)
    {
        w.WritePropertyName("coverage");
        w.WriteStartObject();
        w.Property("context", c.Context);
        w.Property("server", c.Server);
        w.Property("serverVersion", c.ServerVersion);
        w.Strings("namespaces", c.Namespaces);
        w.Property("complete", c.IsComplete);
        w.Property("objects", c.ObjectCount);
        w.Property("requests", c.Requests);
        w.Property("retries", c.Retries);
        w.Property("listRestarts", c.ListRestarts);
        w.WritePropertyName("kinds");
        w.WriteStartArray();
        foreach (var k in c.Kinds)
        {
            w.WriteStartObject();
            w.Property("resource", k.Kind.GroupResource);
            w.Property("kind", k.Kind.Kind);
            w.Property("apiVersion", k.ApiVersion);
            w.Property("outcome", CoverageText.Outcome(k.Outcome));
            w.Property("count", k.Count);
            w.OptionalProperty("detail", k.Detail);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSpan(JsonWriter w, SourceSpan s, AnalysisReport report, bool withSubject)
    {
        w.WriteStartObject();
        w.Property("path", report.DisplayPath(s.Path));
        w.Property("line", s.Line);
        w.Property("column", s.Column);
        if (withSubject)
        {
            w.WritePropertyName("subject");
            WriteRef(w, report.SubjectAt(s));
        }

        w.WriteEndObject();
    }

    private static void WriteRef(JsonWriter w, ObjectRef? r)
    {
        if (r is null)
        {
            w.WriteNull();
            return;
        }

        w.WriteStartObject();
        w.Property("group", r.Group);
        w.Property("kind", r.Kind);
        w.Property("namespace", r.Namespace);
        w.Property("name", r.Name);
        w.WriteEndObject();
    }
}
