using System.CommandLine;
using K8sLandscape.Analyzers.Reporting;
using K8sLandscape.Json;
using K8sLandscape.Loading;

namespace K8sLandscape.Cli;

/// <summary><c>k8s-landscape load PATH... [--format text|json]</c>: what was loaded and every load diagnostic.</summary>
internal static class LoadCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        _ = stderr;
        var paths = new Argument<string[]>("paths")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Files or folders to load; '-' reads standard input; a path that starts with '-' goes after '--'.",
        };
        var format = CommonOptions.TextOrJson();

        var command = new Command("load", "Load manifests and print object counts per kind and every load diagnostic.") { paths, format };
        command.SetAction(parse =>
        {
            var inputs = parse.GetValue(paths)!;
            CurrentInput.Paths(inputs);
            var result = CliLoader.Create().Load(inputs);
            if (parse.GetValue(format) == "json") WriteJson(result, stdout);
            else WriteText(result, TerminalText.EscapingWriter(stdout));
            return result.HasErrors ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }

    private static void WriteText(LoadResult result, TextWriter o)
    {
        var kinds = result.CountByKind();
        o.WriteLine($"Loaded {result.Objects.Count} object(s) of {kinds.Count} kind(s) from {result.Sources.Count} source(s).");
        foreach (var (kind, count) in kinds) o.WriteLine($"  {count,6}  {TerminalText.Shorten(kind)}");
        if (result.Diagnostics.Count > 0)
        {
            o.WriteLine();
            o.WriteLine($"{result.Diagnostics.Count} diagnostic(s):");
            foreach (var d in result.Diagnostics) o.WriteLine(TerminalText.Escape(CliPaths.Format(d)));
        }

        o.Flush();
    }

    private static void WriteJson(LoadResult result, TextWriter o)
    {
        using var w = CliJson.Start(o);
        w.Property("objectCount", result.Objects.Count);
        w.WritePropertyName("kinds");
        w.WriteStartObject();
        foreach (var (kind, count) in result.CountByKind())
        {
            w.Property(kind, count);
        }

        w.WriteEndObject();
        w.WritePropertyName("diagnostics");
        w.WriteStartArray();
        foreach (var d in result.Diagnostics) JsonDiagnostics.Write(w, d);
        w.WriteEndArray();
        CliJson.End(w, o);
    }
}
