using K8sLandscape.Analyzers.Fleet;
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
        Property(w, "schemaVersion", SchemaVersion);
        w.WritePropertyName("tool");
        w.WriteStartObject();
        Property(w, "name", AnalysisReport.ToolName);
        Property(w, "version", report.ToolVersion);
        w.WriteEndObject();
        w.WritePropertyName("inputs");
        w.WriteStartArray();
        foreach (var i in report.Inputs) w.WriteValue(report.DisplayPath(i));
        w.WriteEndArray();
        Property(w, "kubernetesVersion", landscape.KubernetesVersion.ToString());

        w.WritePropertyName("summary");
        w.WriteStartObject();
        Property(w, "objects", landscape.Objects.All.Count);
        Property(w, "components", landscape.Components.Count);
        Property(w, "rules", report.Rules.Count);
        Property(w, "findings", report.Findings.Count);
        Property(w, "errors", summary.Errors);
        Property(w, "warnings", summary.Warnings);
        Property(w, "infos", summary.Infos);
        Property(w, "suppressed", summary.Suppressed);
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
        Property(w, "ruleId", f.Id);
        Property(w, "severity", SeverityText.Format(f.Severity));
        Property(w, "area", AnalysisReport.AreaOf(f.Rule));
        Property(w, "title", f.Rule.Title);
        Property(w, "message", f.Message);
        w.WritePropertyName("location");
        WriteSpan(w, f.Location, report, withSubject: false);
        w.WritePropertyName("relatedLocations");
        w.WriteStartArray();
        foreach (var r in f.RelatedLocations) WriteSpan(w, r, report, withSubject: true);
        w.WriteEndArray();
        w.WritePropertyName("subject");
        WriteRef(w, f.Subject);
        Property(w, "suppressed", f.Suppressed);
        if (f.SuppressionReason is { } reason) Property(w, "suppressionReason", reason);
        Property(w, "fingerprint", FindingFingerprint.Compute(f, report));
        w.WritePropertyName("properties");
        w.WriteStartObject();
        foreach (var (k, v) in f.Properties) Property(w, k, v);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteRule(JsonWriter w, RuleDescriptor r, AnalysisReport report)
    {
        w.WriteStartObject();
        Property(w, "id", r.Id);
        Property(w, "title", r.Title);
        Property(w, "area", AnalysisReport.AreaOf(r));
        Property(w, "defaultSeverity", SeverityText.Format(r.DefaultSeverity));
        Property(w, "helpUri", (report.HelpUriOf(r) ?? r.HelpUri).OriginalString);
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
            Property(w, "id", c.Id);
            Property(w, "name", c.Definition.Name);
            Property(w, "category", c.Definition.Category);
            w.WritePropertyName("provides");
            w.WriteStartArray();
            foreach (var p in c.Definition.Provides) w.WriteValue(p);
            w.WriteEndArray();
            Property(w, "objectCount", c.Objects.Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WritePropertyName("extensionPoints");
        w.WriteStartArray();
        foreach (var p in landscape.ExtensionPoints)
        {
            w.WriteStartObject();
            Property(w, "area", p.Area);
            Property(w, "name", p.Name);
            Property(w, "expectsSingle", p.ExpectsSingle);
            Property(w, "implementationCount", p.Implementations.Count);
            Property(w, "conflicting", conflicts.IsConflicting(p));
            w.WritePropertyName("implementations");
            w.WriteStartArray();
            foreach (var i in p.Implementations)
            {
                w.WriteStartObject();
                Property(w, "id", i.Id);
                Property(w, "name", i.Name);
                Property(w, "recognized", i.Recognized);
                Property(w, "objectCount", i.Objects.Count);
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
        Property(w, "code", d.Code);
        Property(w, "severity", SeverityText.Format(d.Severity));
        Property(w, "message", d.Message);
        w.WritePropertyName("location");
        WriteSpan(w, d.Location, report, withSubject: false);
        w.WriteEndObject();
    }

    private static void WriteCoverage(JsonWriter w, ClusterCoverage c)
    {
        w.WritePropertyName("coverage");
        w.WriteStartObject();
        Property(w, "context", c.Context);
        Property(w, "server", c.Server);
        w.WritePropertyName("serverVersion");
        w.WriteValue(c.ServerVersion);
        w.WritePropertyName("namespaces");
        w.WriteStartArray();
        foreach (var ns in c.Namespaces) w.WriteValue(ns);
        w.WriteEndArray();
        Property(w, "complete", c.IsComplete);
        Property(w, "objects", c.ObjectCount);
        Property(w, "requests", c.Requests);
        Property(w, "retries", c.Retries);
        Property(w, "listRestarts", c.ListRestarts);
        w.WritePropertyName("kinds");
        w.WriteStartArray();
        foreach (var k in c.Kinds)
        {
            w.WriteStartObject();
            Property(w, "resource", k.Kind.GroupResource);
            Property(w, "kind", k.Kind.Kind);
            w.WritePropertyName("apiVersion");
            w.WriteValue(k.ApiVersion);
            Property(w, "outcome", CoverageText.Outcome(k.Outcome));
            Property(w, "count", k.Count);
            if (k.Detail is not null) Property(w, "detail", k.Detail);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSpan(JsonWriter w, SourceSpan s, AnalysisReport report, bool withSubject)
    {
        w.WriteStartObject();
        Property(w, "path", report.DisplayPath(s.Path));
        Property(w, "line", s.Line);
        Property(w, "column", s.Column);
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
        Property(w, "group", r.Group);
        Property(w, "kind", r.Kind);
        w.WritePropertyName("namespace");
        w.WriteValue(r.Namespace);
        Property(w, "name", r.Name);
        w.WriteEndObject();
    }

    private static void Property(JsonWriter w, string name, string value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    private static void Property(JsonWriter w, string name, int value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    private static void Property(JsonWriter w, string name, bool value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }
}
