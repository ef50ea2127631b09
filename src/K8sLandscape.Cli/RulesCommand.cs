using System.CommandLine;
using K8sLandscape.Analyzers;
using K8sLandscape.Analyzers.Documentation;
using Newtonsoft.Json;

namespace K8sLandscape.Cli;

/// <summary>
/// <c>k8s-landscape rules [--format text|json] [--generate-docs DIR]</c>: lists every rule sorted by id,
/// or writes the rule reference pages (<c>docs/rules</c>) generated from the descriptors.
/// </summary>
internal static class RulesCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var format = CommonOptions.TextOrJson();
        var generateDocs = new Option<string?>("--generate-docs")
        {
            Description = "Write docs/rules pages (one per rule and README.md) into this folder instead of listing.",
        };

        var command = new Command("rules", "List every rule (id, default severity, category, title), or generate the rule reference pages.") { format, generateDocs };
        command.SetAction(parse =>
        {
            var rules = LandscapeAnalysis.Create().Build().Rules;
            if (parse.GetValue(generateDocs) is { } folder)
            {
                var written = RuleDocsGenerator.WriteTo(folder, rules);
                stderr.WriteLine($"Wrote {written.Count} page(s) to {folder}.");
                return ExitCodes.Success;
            }

            if (parse.GetValue(format) == "json") WriteJson(rules, stdout);
            else WriteText(rules, stdout);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static string CategoryName(RuleCategory category) => category.ToString().ToLowerInvariant();

    private static void WriteText(IReadOnlyList<RuleDescriptor> rules, TextWriter o)
    {
        var categoryWidth = rules.Select(r => CategoryName(r.Category).Length).DefaultIfEmpty(0).Max();
        foreach (var r in rules)
            o.WriteLine($"{r.Id,-8} {SeverityText.Format(r.DefaultSeverity),-7}  {CategoryName(r.Category).PadRight(categoryWidth)}  {r.Title}");
    }

    private static void WriteJson(IReadOnlyList<RuleDescriptor> rules, TextWriter o)
    {
        using var w = new JsonTextWriter(o) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartObject();
        w.WritePropertyName("rules");
        w.WriteStartArray();
        foreach (var r in rules)
        {
            w.WriteStartObject();
            w.WritePropertyName("id");
            w.WriteValue(r.Id);
            w.WritePropertyName("severity");
            w.WriteValue(SeverityText.Format(r.DefaultSeverity));
            w.WritePropertyName("category");
            w.WriteValue(CategoryName(r.Category));
            w.WritePropertyName("title");
            w.WriteValue(r.Title);
            w.WritePropertyName("helpUri");
            w.WriteValue(r.HelpUri.OriginalString);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        o.WriteLine();
    }
}
