using System.CommandLine;
using K8sLandscape.Analyzers;
using K8sLandscape.Analyzers.Documentation;
using K8sLandscape.Json;
using Newtonsoft.Json;

namespace K8sLandscape.Cli;

/// <summary>
/// <c>k8s-landscape rules [ID] [--format text|json] [--generate-docs DIR]</c>: lists every rule sorted
/// by id, prints one rule's page (what it reports, why it matters, how to fix it; <c>explain ID</c> is
/// the same), or writes the rule reference pages (<c>docs/rules</c>) generated from the descriptors.
/// </summary>
internal static class RulesCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<string?>("id")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "A rule id (case-insensitive, such as KL3001): print that rule's page instead of the list.",
        };
        var format = CommonOptions.TextOrJson();
        var generateDocs = new Option<string?>("--generate-docs")
        {
            Description = "Write docs/rules pages (one per rule and README.md) into this folder instead of listing.",
        };

        var command = new Command("rules", "List every rule (id, default severity, category, title), print one rule's page, or generate the rule reference pages.") { id, format, generateDocs };
        command.SetAction(parse =>
        {
            var rules = LandscapeAnalysis.Create().Build().Rules;
            if (parse.GetValue(generateDocs) is { } folder)
            {
                if (parse.GetValue(id) is not null) throw new UsageException("--generate-docs writes every rule's page; give no rule id");
                var written = RuleDocsGenerator.WriteTo(folder, rules);
                stderr.WriteLine($"Wrote {written.Count} page(s) to {CliPaths.Display(folder)}.");
                return ExitCodes.Success;
            }

            var json = parse.GetValue(format) == "json";
            if (parse.GetValue(id) is { } wanted) return Explain(rules, wanted, json, stdout);
            if (json) WriteJson(rules, stdout);
            else WriteText(rules, stdout);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary><c>k8s-landscape explain ID</c>: the same page as <c>rules ID</c>, under the name other linters use.</summary>
    public static Command CreateExplain(TextWriter stdout, TextWriter stderr)
    {
        _ = stderr;
        var id = new Argument<string>("id") { Description = "A rule id (case-insensitive, such as KL3001)." };
        var format = CommonOptions.TextOrJson();
        var command = new Command("explain", "Print a rule's page: what it reports, why it matters, how to fix and suppress it.") { id, format };
        command.SetAction(parse => Explain(LandscapeAnalysis.Create().Build().Rules, parse.GetValue(id)!, parse.GetValue(format) == "json", stdout));
        return command;
    }

    internal static string CategoryName(RuleCategory category) => category.ToString().ToLowerInvariant();

    /// <summary>The rule with this id, compared without case, or a usage error that names the closest ids.</summary>
    internal static RuleDescriptor Find(IReadOnlyList<RuleDescriptor> rules, string id) =>
        rules.FirstOrDefault(r => string.Equals(r.Id, id.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new UsageException($"unknown rule id '{id}'; 'k8s-landscape rules' lists every rule");

    private static int Explain(IReadOnlyList<RuleDescriptor> rules, string id, bool json, TextWriter o)
    {
        var rule = Find(rules, id);
        if (json) WriteRuleJson(rule, o);
        else WriteRuleText(rule, o);
        return ExitCodes.Success;
    }

    private static void WriteRuleText(RuleDescriptor r, TextWriter o)
    {
        o.WriteLine($"{r.Id}: {r.Title}");
        o.WriteLine();
        o.WriteLine($"  Category            {RuleDocsGenerator.CategoryText(r)}");
        o.WriteLine($"  Default severity    {SeverityText.Format(r.DefaultSeverity)}");
        o.WriteLine($"  Enabled by default  {(r.IsEnabledByDefault ? "yes" : "no")}");
        o.WriteLine($"  Message             {r.MessageFormat}");
        Section(o, "Why it matters", r.Description);
        if (r.HowToFix is { } fix) Section(o, "How to fix", fix);
        Section(o, "How to suppress", r.Category == RuleCategory.Engine
            ? "Annotations cannot suppress this rule's findings (they are not about an object): exclude the path (exclude.paths in .k8s-landscape.yaml) or switch the rule off."
            : $"Annotate the object: {SuppressionAnnotations.Ignore}: \"{r.Id}\" and {SuppressionAnnotations.IgnoreReason}: \"why\". In .k8s-landscape.yaml: rules: {{ {r.Id}: {{ enabled: false }} }} switches it off, {{ severity: info }} changes its severity.");
        o.WriteLine();
        o.WriteLine($"Page: {r.HelpUri.OriginalString}");
    }

    private static void Section(TextWriter o, string title, string markdown)
    {
        o.WriteLine();
        o.WriteLine(title);
        foreach (var line in markdown.ReplaceLineEndings("\n").Trim().Split('\n'))
            o.WriteLine(line.Length == 0 ? string.Empty : "  " + line.TrimEnd());
    }

    private static void WriteText(IReadOnlyList<RuleDescriptor> rules, TextWriter o)
    {
        var categoryWidth = rules.Select(r => CategoryName(r.Category).Length).DefaultIfEmpty(0).Max();
        foreach (var r in rules)
            o.WriteLine($"{r.Id,-8} {SeverityText.Format(r.DefaultSeverity),-7}  {CategoryName(r.Category).PadRight(categoryWidth)}  {r.Title}".TrimEnd());
    }

    private static void WriteJson(IReadOnlyList<RuleDescriptor> rules, TextWriter o)
    {
        using var w = CliJson.Start(o);
        w.WritePropertyName("rules");
        w.WriteStartArray();
        foreach (var r in rules)
        {
            w.WriteStartObject();
            WriteRuleProperties(w, r);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        CliJson.End(w, o);
    }

    private static void WriteRuleJson(RuleDescriptor r, TextWriter o)
    {
        using var w = CliJson.Start(o);
        w.WritePropertyName("rule");
        w.WriteStartObject();
        WriteRuleProperties(w, r);
        w.Property("enabledByDefault", r.IsEnabledByDefault);
        w.Property("message", r.MessageFormat);
        w.Property("description", r.Description.ReplaceLineEndings("\n").Trim());
        w.Property("howToFix", r.HowToFix?.ReplaceLineEndings("\n").Trim());
        w.WriteEndObject();
        CliJson.End(w, o);
    }

    private static void WriteRuleProperties(JsonWriter w, RuleDescriptor r)
    {
        w.Property("id", r.Id);
        w.Property("severity", SeverityText.Format(r.DefaultSeverity));
        w.Property("category", CategoryName(r.Category));
        w.Property("title", r.Title);
        w.Property("helpUri", r.HelpUri.OriginalString);
    }
}
