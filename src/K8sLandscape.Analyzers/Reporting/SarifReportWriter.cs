using System.Text;
using K8sLandscape.Json;
using K8sLandscape.Loading;
using Newtonsoft.Json;

namespace K8sLandscape.Analyzers.Reporting;

/// <summary>
/// Writes SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run whose
/// <c>tool.driver.rules</c> are the rules that ran, one result per finding with its physical
/// location relative to <c>%SRCROOT%</c> (the report's base folder), the other parties of a conflict
/// as <c>relatedLocations</c>, <c>suppressions</c> for suppressed findings, and a
/// <c>partialFingerprints</c> entry (<see cref="FindingFingerprint"/>) that does not depend on lines.
/// With a baseline, each result carries <c>baselineState</c>: new, unchanged, or absent for an accepted
/// finding no longer found.
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    /// <summary>The uriBaseId locations below the base folder are relative to.</summary>
    public const string SourceRoot = "%SRCROOT%";

    private const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <inheritdoc />
    public string Format => ReportFormats.Sarif;

    /// <inheritdoc />
    public string FileExtension => ".sarif";

    /// <inheritdoc />
    public void Write(AnalysisReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < report.Rules.Count; i++) ruleIndex[report.Rules[i].Id] = i;

        using var w = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartObject();
        w.Property("$schema", SchemaUri);
        w.Property("version", "2.1.0");
        w.WritePropertyName("runs");
        w.WriteStartArray();
        w.WriteStartObject();

        w.WritePropertyName("tool");
        w.WriteStartObject();
        w.WritePropertyName("driver");
        w.WriteStartObject();
        w.Property("name", AnalysisReport.ToolName);
        w.Property("version", report.ToolVersion);
        w.Property("semanticVersion", report.ToolVersion);
        if (report.DocumentationBaseUri is { IsAbsoluteUri: true } info) w.Property("informationUri", info.AbsoluteUri);
        w.WritePropertyName("rules");
        w.WriteStartArray();
        foreach (var r in report.Rules) WriteRule(w, r, report);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WritePropertyName("originalUriBaseIds");
        w.WriteStartObject();
        w.WritePropertyName(SourceRoot);
        w.WriteStartObject();
        w.Property("uri", DirectoryUri(report.EffectiveBaseDirectory));
        w.WritePropertyName("description");
        w.WriteStartObject();
        w.Property("text", "The folder the analysis ran in; result locations are relative to it.");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WritePropertyName("results");
        w.WriteStartArray();
        var baseline = report.BaselineComparison;
        foreach (var f in report.Findings) WriteResult(w, f, ruleIndex[f.Id], report, baseline is null ? null : "new");
        if (baseline is not null)
        {
            foreach (var f in baseline.Unchanged) WriteResult(w, f, ruleIndex[f.Id], report, "unchanged");
            foreach (var e in baseline.Absent) WriteAbsent(w, e, ruleIndex);
        }

        w.WriteEndArray();

        w.Property("columnKind", "unicodeCodePoints");
        if (report.Coverage is { } c)
        {
            w.WritePropertyName("properties");
            w.WriteStartObject();
            w.WritePropertyName("coverage");
            w.WriteStartObject();
            w.Property("context", c.Context);
            w.Property("server", c.Server);
            w.Property("complete", c.IsComplete);
            w.Property("objects", c.ObjectCount);
            w.WritePropertyName("notRead");
            w.WriteStartArray();
            foreach (var k in c.Kinds.Where(k => k.Outcome != Sources.ClusterKindOutcome.Read))
                w.WriteValue($"{k.Kind.GroupResource}: {CoverageText.Outcome(k.Outcome)}");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteLine();
        output.Flush();
    }

    private static void WriteRule(JsonWriter w, RuleDescriptor r, AnalysisReport report)
    {
        w.WriteStartObject();
        w.Property("id", r.Id);
        w.Property("name", PascalName(r.Title));
        Text(w, "shortDescription", r.Title);
        Text(w, "fullDescription", Flatten(r.Description));
        w.WritePropertyName("messageStrings");
        w.WriteStartObject();
        Text(w, "default", r.MessageFormat);
        w.WriteEndObject();
        if (report.HelpUriOf(r) is { } help) w.Property("helpUri", help.AbsoluteUri);
        w.WritePropertyName("help");
        w.WriteStartObject();
        w.Property("text", Flatten(r.Description) + (r.HowToFix is null ? string.Empty : " How to fix: " + Flatten(r.HowToFix)));
        w.Property("markdown", HelpMarkdown(r));
        w.WriteEndObject();
        w.WritePropertyName("defaultConfiguration");
        w.WriteStartObject();
        w.Property("enabled", r.IsEnabledByDefault);
        w.Property("level", SarifLevel.From(r.DefaultSeverity));
        w.WriteEndObject();
        w.WritePropertyName("properties");
        w.WriteStartObject();
        w.Property("category", AnalysisReport.AreaOf(r));
        w.WritePropertyName("tags");
        w.WriteStartArray();
        w.WriteValue("kubernetes");
        w.WriteValue(AnalysisReport.AreaOf(r));
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(JsonWriter w, Finding f, int ruleIndex, AnalysisReport report, string? baselineState)
    {
        w.WriteStartObject();
        w.Property("ruleId", f.Id);
        w.Property("ruleIndex", ruleIndex);
        w.Property("level", SarifLevel.From(f.Severity));
        w.OptionalProperty("baselineState", baselineState);
        Text(w, "message", f.Message);
        w.WritePropertyName("locations");
        w.WriteStartArray();
        w.WriteStartObject();
        WritePhysical(w, f.Location, report);
        if (f.Subject is { } subject) WriteLogical(w, subject);
        w.WriteEndObject();
        w.WriteEndArray();

        if (f.RelatedLocations.Count > 0)
        {
            w.WritePropertyName("relatedLocations");
            w.WriteStartArray();
            for (var i = 0; i < f.RelatedLocations.Count; i++)
            {
                var span = f.RelatedLocations[i];
                var other = report.SubjectAt(span);
                w.WriteStartObject();
                w.Property("id", i + 1);
                WritePhysical(w, span, report);
                Text(w, "message", other is null ? $"other party at {report.DisplayLocation(span)}" : $"other party: {other}");
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WritePropertyName("partialFingerprints");
        w.WriteStartObject();
        w.Property(FindingFingerprint.Key, FindingFingerprint.Compute(f, report));
        w.WriteEndObject();

        if (f.SuppressionReason is { } reason)
        {
            w.WritePropertyName("suppressions");
            w.WriteStartArray();
            w.WriteStartObject();
            w.Property("kind", "inSource");
            w.Property("status", "accepted");
            w.Property("justification", reason);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        if (f.Properties.Count > 0)
        {
            w.WritePropertyName("properties");
            w.WriteStartObject();
            foreach (var (k, v) in f.Properties) w.Property(k, v);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>A baseline entry nothing matched: its rule, message and fingerprint as recorded, no location (the object may be gone).</summary>
    private static void WriteAbsent(JsonWriter w, Baselines.BaselineEntry e, Dictionary<string, int> ruleIndex)
    {
        w.WriteStartObject();
        w.Property("ruleId", e.RuleId);
        if (ruleIndex.TryGetValue(e.RuleId, out var index))
        {
            w.Property("ruleIndex", index);
        }

        w.Property("kind", "informational");
        w.Property("level", "none");
        w.Property("baselineState", "absent");
        Text(w, "message", e.Message.Length > 0 ? e.Message : $"{e.RuleId} finding recorded at {e.Location}");
        w.WritePropertyName("partialFingerprints");
        w.WriteStartObject();
        w.Property(FindingFingerprint.Key, e.Fingerprint);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WritePhysical(JsonWriter w, SourceSpan span, AnalysisReport report)
    {
        w.WritePropertyName("physicalLocation");
        w.WriteStartObject();
        w.WritePropertyName("artifactLocation");
        w.WriteStartObject();
        var (uri, underRoot) = ArtifactUri(span.Path, report);
        w.Property("uri", uri);
        if (underRoot) w.Property("uriBaseId", SourceRoot);
        w.WriteEndObject();

        // Line 0 means "the whole source": SARIF has no region for that, so none is written.
        if (span.Line > 0)
        {
            w.WritePropertyName("region");
            w.WriteStartObject();
            w.Property("startLine", span.Line);
            if (span.Column > 0)
            {
                w.Property("startColumn", span.Column);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteLogical(JsonWriter w, ObjectRef subject)
    {
        w.WritePropertyName("logicalLocations");
        w.WriteStartArray();
        w.WriteStartObject();
        w.Property("name", subject.Name);
        w.Property("fullyQualifiedName", subject.ToString());
        w.Property("kind", "object");
        w.WriteEndObject();
        w.WriteEndArray();
    }

    /// <summary>A relative URI below the base folder, an absolute <c>file:</c> URI outside it, other locations (standard input, cluster) as they are.</summary>
    internal static (string Uri, bool UnderRoot) ArtifactUri(string path, AnalysisReport report)
    {
        if (!AnalysisReport.IsFilePath(path))
        {
            return (path == ManifestLoader.StandardInput ? "stdin" : path, false);
        }

        var display = report.DisplayPath(path);
        if (!Path.IsPathRooted(display) && !AnalysisReport.IsOutside(display)) return (EscapePath(display), true);
        var full = Path.GetFullPath(path, report.EffectiveBaseDirectory);
        return (new Uri(full).AbsoluteUri, false);
    }

    private static string DirectoryUri(string directory)
    {
        var uri = new Uri(Path.GetFullPath(directory)).AbsoluteUri;
        return uri.EndsWith('/') ? uri : uri + "/";
    }

    private static string EscapePath(string relative) =>
        string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));

    private static string PascalName(string title)
    {
        var sb = new StringBuilder();
        foreach (var word in title.Split([' ', '-', '/', '.', ',', ':', '(', ')', '\'', '"', '`'], StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string(word.Where(char.IsLetterOrDigit).ToArray());
            if (letters.Length == 0) continue;
            sb.Append(char.ToUpperInvariant(letters[0])).Append(letters.AsSpan(1));
        }

        return sb.ToString();
    }

    /// <summary>
    /// The rule's whole page for a code-scanning UI, which shows <c>help.markdown</c> beside each
    /// alert: why it matters, how to fix, how to suppress. No relative links: they would not resolve there.
    /// </summary>
    internal static string HelpMarkdown(RuleDescriptor r)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(r.Id).Append(": ").Append(r.Title).Append("**\n\n");
        sb.Append("## Why it matters\n\n").Append(r.Description.ReplaceLineEndings("\n").Trim()).Append("\n\n");
        if (r.HowToFix is { } fix) sb.Append("## How to fix\n\n").Append(fix.ReplaceLineEndings("\n").Trim()).Append("\n\n");
        sb.Append("## How to suppress\n\n");
        if (r.Category == RuleCategory.Engine)
            sb.Append("These findings are not about an object, so annotations cannot suppress them: exclude the path (`exclude.paths` in `.k8s-landscape.yaml`) or switch the rule off.\n");
        else
            sb.Append("Annotate the object with `").Append(SuppressionAnnotations.Ignore).Append(": \"").Append(r.Id).Append("\"` and `")
              .Append(SuppressionAnnotations.IgnoreReason).Append(": \"why\"`, or switch the rule off in `.k8s-landscape.yaml`: `rules: { ")
              .Append(r.Id).Append(": { enabled: false } }`.\n");
        return sb.ToString();
    }

    private static string Flatten(string markdown) =>
        string.Join(' ', markdown.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).Where(l => l.Length > 0));

    private static void Text(JsonWriter w, string name, string text)
    {
        w.WritePropertyName(name);
        w.WriteStartObject();
        w.Property("text", text);
        w.WriteEndObject();
    }
}
