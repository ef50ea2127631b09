using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Analyzers.Reporting;
using K8sLandscape.Loading;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace K8sLandscape.Analyzers.Baselines;

/// <summary>
/// The findings a team has accepted, recorded by their <see cref="FindingFingerprint"/> (rule,
/// subject and other parties, never lines), so a later run reports only what is new
/// (<c>analyze --write-baseline FILE</c>, then <c>analyze --baseline FILE</c>). A JSON file meant
/// to be committed beside the manifests; see docs/baselines.md.
/// </summary>
public sealed class Baseline
{
    /// <summary>The version of the file's shape.</summary>
    public const string SchemaVersion = "1.0";

    private Baseline(IReadOnlyList<BaselineEntry> entries) => Entries = entries;

    /// <summary>The accepted findings, sorted by rule, subject and fingerprint (so the file changes little between writes).</summary>
    public IReadOnlyList<BaselineEntry> Entries { get; }

    /// <summary>Records the active findings of a run (suppressed ones are accepted already); a baseline already set on the report is ignored.</summary>
    public static Baseline Of(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new Baseline(report.Result.Findings
            .Where(f => !f.Suppressed)
            .Select(f => new BaselineEntry(FindingFingerprint.Compute(f, report), f.Id, f.Subject?.ToString(), report.DisplayLocation(f.Location), f.Message))
            .OrderBy(e => e.RuleId, StringComparer.Ordinal)
            .ThenBy(e => e.Subject, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ThenBy(e => e.Message, StringComparer.Ordinal)
            .ToArray());
    }

    /// <summary>Reads a baseline file.</summary>
    /// <exception cref="ConfigurationException">The file cannot be read or is not a baseline; every problem is listed with its line.</exception>
    public static Baseline Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return Parse(File.ReadAllText(path), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException([new ConfigurationError(new SourceSpan(path, 0, 0), "(file)", $"cannot read the baseline: {ex.Message}")]);
        }
    }

    /// <summary>Reads baseline text; <paramref name="path"/> names it in errors.</summary>
    /// <exception cref="ConfigurationException">The text is not a baseline; every problem is listed with its line.</exception>
    public static Baseline Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        JToken root;
        try
        {
            root = JToken.Parse(text, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
        }
        catch (JsonReaderException ex)
        {
            throw new ConfigurationException([new ConfigurationError(new SourceSpan(path, ex.LineNumber, ex.LinePosition), "(syntax)", $"invalid JSON: {FirstSentence(ex.Message)}")]);
        }

        var errors = new List<ConfigurationError>();
        var entries = new List<BaselineEntry>();
        if (root is not JObject obj || obj["findings"] is not JArray findings)
        {
            errors.Add(Error(path, root, "findings", "not a baseline: expected an object with a findings list (write one with --write-baseline)"));
        }
        else
        {
            for (var i = 0; i < findings.Count; i++)
            {
                var key = $"findings[{i}]";
                if (findings[i] is not JObject f)
                {
                    errors.Add(Error(path, findings[i], key, "must be an object with fingerprint and ruleId"));
                    continue;
                }

                var fingerprint = Text(f, "fingerprint");
                var rule = Text(f, "ruleId");
                if (fingerprint is null || fingerprint.Length != 32 || !fingerprint.All(char.IsAsciiHexDigitLower))
                    errors.Add(Error(path, f["fingerprint"] ?? f, key + ".fingerprint", "must be the 32 lower-case hex digits of a finding's fingerprint"));
                if (rule is null || !RuleIds.IsWellFormed(rule))
                    errors.Add(Error(path, f["ruleId"] ?? f, key + ".ruleId", "must be a rule id such as KL3001"));
                if (fingerprint is not null && rule is not null)
                    entries.Add(new BaselineEntry(fingerprint, rule, Text(f, "subject"), Text(f, "location") ?? string.Empty, Text(f, "message") ?? string.Empty));
            }
        }

        if (errors.Count > 0) throw new ConfigurationException(errors);
        return new Baseline(entries);
    }

    /// <summary>Writes the baseline as indented JSON.</summary>
    public void Write(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var w = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartObject();
        w.WritePropertyName("schemaVersion");
        w.WriteValue(SchemaVersion);
        w.WritePropertyName("tool");
        w.WriteValue(AnalysisReport.ToolName);
        w.WritePropertyName("findings");
        w.WriteStartArray();
        foreach (var e in Entries)
        {
            w.WriteStartObject();
            w.WritePropertyName("fingerprint");
            w.WriteValue(e.Fingerprint);
            w.WritePropertyName("ruleId");
            w.WriteValue(e.RuleId);
            if (e.Subject is not null)
            {
                w.WritePropertyName("subject");
                w.WriteValue(e.Subject);
            }

            w.WritePropertyName("location");
            w.WriteValue(e.Location);
            w.WritePropertyName("message");
            w.WriteValue(e.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteLine();
        output.Flush();
    }

    /// <summary>
    /// Sorts a run's findings into new and unchanged, and lists the entries nothing matched. A
    /// fingerprint recorded n times accepts n findings: a second finding of the same identity is new.
    /// </summary>
    public BaselineComparison Compare(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var remaining = Entries.GroupBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Queue<BaselineEntry>(g), StringComparer.Ordinal);
        List<Finding> @new = [], unchanged = [];
        foreach (var f in report.Result.Findings)
        {
            if (remaining.TryGetValue(FindingFingerprint.Compute(f, report), out var queue) && queue.TryDequeue(out _)) unchanged.Add(f);
            else @new.Add(f);
        }

        var absent = remaining.Values.SelectMany(q => q)
            .OrderBy(e => e.RuleId, StringComparer.Ordinal)
            .ThenBy(e => e.Subject, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ThenBy(e => e.Message, StringComparer.Ordinal)
            .ToArray();
        return new BaselineComparison(@new, unchanged, absent);
    }

    private static string? Text(JObject o, string name) => o[name] is JValue { Type: JTokenType.String } v ? (string?)v : null;

    private static ConfigurationError Error(string path, JToken token, string key, string message)
    {
        var info = (IJsonLineInfo)token;
        return new ConfigurationError(new SourceSpan(path, info.HasLineInfo() ? info.LineNumber : 0, info.HasLineInfo() ? info.LinePosition : 0), key, message);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
