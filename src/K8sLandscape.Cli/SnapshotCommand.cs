using System.CommandLine;
using System.Text.Json;
using K8sLandscape.Analyzers.Reporting;
using K8sLandscape.Sources;

namespace K8sLandscape.Cli;

/// <summary>
/// <c>k8s-landscape snapshot --output FILE</c>: reads a live cluster (read-only; <c>--cluster</c> is accepted, not needed) and writes
/// what it read as one multi-document YAML file that every file-reading command accepts, so a cluster
/// can be analyzed offline, later or elsewhere, with the same findings.
/// </summary>
internal static class SnapshotCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var cluster = new ClusterOptions { Implied = true };
        var output = new Option<string>("--output", "-o")
        {
            Description = "The YAML file to write; '-' writes to standard output (the summary then goes to standard error).",
            Required = true,
        };
        var format = CommonOptions.TextOrJson("Summary");

        var command = new Command("snapshot", "Read a live cluster (read-only) and write the objects the landscape needs to a YAML file for offline analysis.");
        cluster.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(format);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(output)!;
            CurrentInput.Set("the cluster");
            var result = await cluster.ReadAsync(parse, cancellationToken).ConfigureAwait(false);
            var summary = path == "-" ? stderr : TerminalText.EscapingWriter(stdout);
            if (path == "-") SnapshotWriter.Write(stdout, result.Load.Objects, result.Coverage);
            else WriteFile(path, result);

            if (parse.GetValue(format) == "json") WriteJson(path == "-" ? TerminalText.Unwrap(stderr) : stdout, path, result);
            else WriteText(summary, path, result);
            summary.Flush();
            return result.Load.HasErrors ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }

    private static void WriteFile(string path, ClusterReadResult result)
    {
        // Written beside the target and moved into place, so a reader of the file (a CronJob's
        // latest.yaml) never sees half a snapshot.
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        try
        {
            SnapshotWriter.Write(temporary, result);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new UsageException($"cannot write {CliPaths.Display(path)}: {ex.Message}");
        }
    }

    private static void WriteText(TextWriter o, string path, ClusterReadResult result)
    {
        ClusterOptions.WriteCoverage(o, result.Coverage);
        o.WriteLine($"Wrote {result.Load.Objects.Count} document(s) to {(path == "-" ? "standard output" : CliPaths.Display(path))}.");
        var problems = result.Load.Diagnostics;
        if (problems.Count == 0) return;
        o.WriteLine();
        o.WriteLine($"{problems.Count} diagnostic(s):");
        foreach (var d in problems) o.WriteLine(TerminalText.Escape(CliPaths.Format(d)));
    }

    private static void WriteJson(TextWriter o, string path, ClusterReadResult result)
    {
        var c = result.Coverage;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("schemaVersion", CliJson.SchemaVersion);
            w.WriteString("output", path);
            w.WriteString("context", c.Context);
            w.WriteString("server", c.Server);
            w.WriteString("serverVersion", c.ServerVersion);
            w.WriteStartArray("namespaces");
            foreach (var ns in c.Namespaces) w.WriteStringValue(ns);
            w.WriteEndArray();
            w.WriteNumber("objects", c.ObjectCount);
            w.WriteNumber("requests", c.Requests);
            w.WriteNumber("retries", c.Retries);
            w.WriteNumber("listRestarts", c.ListRestarts);
            w.WriteBoolean("complete", c.IsComplete);
            w.WriteStartArray("kinds");
            foreach (var k in c.Kinds)
            {
                w.WriteStartObject();
                w.WriteString("resource", k.Kind.GroupResource);
                w.WriteString("kind", k.Kind.Kind);
                w.WriteString("apiVersion", k.ApiVersion);
                w.WriteString("outcome", k.Outcome.ToString().ToLowerInvariant());
                w.WriteNumber("count", k.Count);
                if (k.Detail is not null) w.WriteString("detail", k.Detail);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("diagnostics");
            foreach (var d in result.Load.Diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("path", d.Location.Path);
                w.WriteString("code", d.Code);
                w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
                w.WriteString("message", d.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        o.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
