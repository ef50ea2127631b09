using System.Text;
using System.Text.RegularExpressions;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Documentation;

/// <summary>
/// Generates the rule reference (<c>docs/rules/&lt;id&gt;.md</c> and <c>docs/rules/README.md</c>) from
/// rule descriptors, so the pages never drift from the code. Run through
/// <c>k8s-landscape rules --generate-docs docs/rules</c>; a test fails when the checked-in pages differ.
/// Output uses <c>\n</c> line endings whatever the platform.
/// </summary>
public static partial class RuleDocsGenerator
{
    /// <summary>The index page's file name.</summary>
    public const string IndexFileName = "README.md";

    /// <summary>Every page (file name → content): one per rule and the index, sorted by file name.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Generate(IEnumerable<RuleDescriptor> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var sorted = rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();
        var ids = sorted.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return sorted.Select(r => new KeyValuePair<string, string>(r.Id + ".md", RenderPage(r)))
            .Concat(RemovedRule.All.Where(r => !ids.Contains(r.Id)).Select(r => new KeyValuePair<string, string>(r.Id + ".md", RenderRemovedPage(r))))
            .Append(new KeyValuePair<string, string>(IndexFileName, RenderIndex(sorted)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Writes every page into <paramref name="folder"/> and deletes generated pages of rules that no longer exist.</summary>
    /// <returns>The files written, sorted.</returns>
    public static IReadOnlyList<string> WriteTo(string folder, IEnumerable<RuleDescriptor> rules)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var pages = Generate(rules);
        Directory.CreateDirectory(folder);
        var keep = new HashSet<string>(pages.Select(p => p.Key), StringComparer.Ordinal);
        foreach (var stale in Directory.EnumerateFiles(folder, "*.md").Where(f => RulePageName().IsMatch(Path.GetFileName(f)) && !keep.Contains(Path.GetFileName(f))))
            File.Delete(stale);
        var written = new List<string>();
        foreach (var (name, content) in pages)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, content, new UTF8Encoding(false));
            written.Add(path);
        }

        return written;
    }

    /// <summary>The names of files in a folder that look like generated rule pages (<c>KL3001.md</c>).</summary>
    public static bool IsRulePageName(string fileName) => RulePageName().IsMatch(fileName);

    /// <summary>One rule's page.</summary>
    public static string RenderPage(RuleDescriptor rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var id = rule.Id;
        var sb = new StringBuilder();
        sb.Append("# ").Append(id).Append(": ").Append(rule.Title).Append('\n').Append('\n');
        sb.Append("| Property | Value |\n|---|---|\n");
        sb.Append("| Id | `").Append(id).Append("` |\n");
        sb.Append("| Category | ").Append(CategoryText(rule)).Append(" |\n");
        sb.Append("| Default severity | ").Append(SeverityText.Format(rule.DefaultSeverity)).Append(" |\n");
        sb.Append("| Enabled by default | ").Append(rule.IsEnabledByDefault ? "yes" : "no").Append(" |\n");
        sb.Append("| Message | `").Append(rule.MessageFormat.Replace("|", "\\|", StringComparison.Ordinal)).Append("` |\n\n");
        sb.Append("## Why it matters\n\n").Append(Block(rule.Description)).Append("\n\n");
        if (rule.HowToFix is { } fix) sb.Append("## How to fix\n\n").Append(Block(fix)).Append("\n\n");
        sb.Append("## How to suppress\n\n");
        if (rule.Category == RuleCategory.Engine)
        {
            sb.Append("Findings of this rule are not about an object, so annotations cannot suppress them. Exclude the\n")
              .Append("path (`exclude.paths` in `.k8s-landscape.yaml`) or switch the rule off.\n\n");
        }
        else
        {
            sb.Append("To accept a finding on one object, annotate that object. The finding stays in every report,\n")
              .Append("marked as suppressed with the reason:\n\n")
              .Append("```yaml\nmetadata:\n  annotations:\n")
              .Append("    ").Append(SuppressionAnnotations.Ignore).Append(": \"").Append(id).Append("\"\n")
              .Append("    ").Append(SuppressionAnnotations.IgnoreReason).Append(": \"why this is fine here\"\n```\n\n");
        }

        sb.Append("## Configuration\n\nIn `.k8s-landscape.yaml` (see [configuration](../configuration.md)):\n\n")
          .Append("```yaml\nrules:\n")
          .Append("  ").Append(id).Append(": { severity: ").Append(Other(rule.DefaultSeverity)).Append(" }   # error | warning | info\n")
          .Append("  # ").Append(id).Append(": { enabled: ").Append(rule.IsEnabledByDefault ? "false" : "true").Append(" }\n```\n\n")
          .Append("---\n\n")
          .Append("Generated from the rule's descriptor by `k8s-landscape rules --generate-docs docs/rules`; edit the\n")
          .Append("descriptor, not this page.\n");
        return sb.ToString();
    }

    /// <summary>The page of a retired rule: what it was, and why it is gone.</summary>
    public static string RenderRemovedPage(RemovedRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new StringBuilder()
            .Append("# ").Append(rule.Id).Append(": ").Append(rule.Title).Append(" (removed)\n\n")
            .Append("This rule no longer exists; its id is never reused. A configuration or `--rule` that names it is\n")
            .Append("an error (unknown rule id).\n\n")
            .Append("## Why it was removed\n\n").Append(Block(rule.Reason)).Append("\n\n")
            .Append("---\n\n")
            .Append("Generated from `RemovedRule.All` by `k8s-landscape rules --generate-docs docs/rules`.\n")
            .ToString();
    }

    /// <summary>The index of all rules.</summary>
    public static string RenderIndex(IEnumerable<RuleDescriptor> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var sb = new StringBuilder();
        sb.Append("# Rules\n\n")
          .Append("Every rule K8sLandscape reports, generated from the rule descriptors by\n")
          .Append("`k8s-landscape rules --generate-docs docs/rules`. Rule ids never change meaning: the thousands digit\n")
          .Append("is the area (KL0 engine and loader, KL1 runtime, KL2 network, KL3 storage, KL4 devices, KL5 API,\n")
          .Append("KL6 admission, KL7 lifecycle, KL8 layers and cross-cutting). See [configuration](../configuration.md)\n")
          .Append("to change severities, switch rules off or suppress findings, and [writing rules](../writing-rules.md)\n")
          .Append("to add your own.\n\n")
          .Append("| Id | Category | Default severity | Title |\n|---|---|---|---|\n");
        foreach (var r in rules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            sb.Append("| [").Append(r.Id).Append("](").Append(r.Id).Append(".md) | ").Append(CategoryText(r))
              .Append(" | ").Append(SeverityText.Format(r.DefaultSeverity)).Append(" | ").Append(r.Title).Append(" |\n");
        }

        sb.Append("\n## Removed rules\n\nThese ids shipped once and are never reused.\n\n| Id | Title |\n|---|---|\n");
        foreach (var r in RemovedRule.All) sb.Append("| [").Append(r.Id).Append("](").Append(r.Id).Append(".md) | ").Append(r.Title).Append(" |\n");
        return sb.ToString();
    }

    /// <summary>A category as shown in documentation: <c>Storage (KL3xxx)</c>.</summary>
    public static string CategoryText(RuleDescriptor rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var name = rule.Category.Name switch
        {
            "engine" => "Engine and loader",
            "runtime" => "Runtime (CRI)",
            "network" => "Network (CNI)",
            "storage" => "Storage (CSI)",
            "devices" => "Devices",
            "api" => "API extensions",
            "admission" => "Admission",
            "lifecycle" => "Lifecycle",
            "layers" => "Layers and cross-cutting",
            var custom => custom,
        };
        return RuleIds.IsReserved(rule.Id) && rule.Category.IsBuiltIn ? $"{name} (KL{(int)rule.Category}xxx)" : name;
    }

    private static string Block(string markdown) => markdown.ReplaceLineEndings("\n").Trim();

    private static string Other(DiagnosticSeverity s) => s == DiagnosticSeverity.Error ? "warning" : "error";

    [GeneratedRegex("^[A-Z]{2,8}[0-9]{3,5}\\.md$", RegexOptions.CultureInvariant)]
    private static partial Regex RulePageName();
}
