using System.CommandLine;
using K8sLandscape.Analyzers.Reporting;
using K8sLandscape.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace K8sLandscape.Cli;

/// <summary><c>k8s-landscape catalog [--format text|json]</c>: the known components and their fingerprints.</summary>
internal static class CatalogCommand
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        NullValueHandling = NullValueHandling.Ignore,
    });

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var format = CommonOptions.TextOrJson();

        var config = CliConfiguration.ConfigOption();
        var extra = new Option<string[]>("--catalog")
        {
            Description = "A user catalog file to add (repeatable), besides those the configuration names.",
            Arity = ArgumentArity.OneOrMore,
        };

        var command = new Command("catalog", "List the component catalog (built-in plus the user's) with each component's category, what it provides and its fingerprints.") { format, config, extra };
        command.SetAction(parse =>
        {
            var options = CliConfiguration.Builder(parse.GetValue(config), Directory.GetCurrentDirectory()).Build();
            var catalog = CliConfiguration.LoadCatalog(options, parse.GetValue(extra) ?? [], stderr);
            if (catalog is null) return ExitCodes.UsageError;
            if (parse.GetValue(format) == "json") WriteJson(catalog, stdout);
            else WriteText(catalog, TerminalText.EscapingWriter(stdout));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteText(ComponentCatalog catalog, TextWriter o)
    {
        o.WriteLine($"{catalog.Components.Count} component(s) in {catalog.Components.Select(c => c.Category).Distinct().Count()} categories.");
        foreach (var group in catalog.Components.GroupBy(c => c.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            o.WriteLine();
            o.WriteLine($"== {group.Key}");
            foreach (var c in group)
            {
                var provides = c.Provides.Count > 0 ? " provides " + string.Join(", ", c.Provides) : string.Empty;
                o.WriteLine($"  {c.Id,-28} {c.Name}{provides}");
            }
        }

        o.Flush();
    }

    private static void WriteJson(ComponentCatalog catalog, TextWriter o)
    {
        var components = new JArray();
        foreach (var c in catalog.Components)
        {
            var item = new JObject
            {
                ["id"] = c.Id,
                ["name"] = c.Name,
                ["category"] = c.Category,
                ["provides"] = new JArray(c.Provides),
                ["description"] = c.Description,
                ["homepage"] = c.Homepage,
                ["includes"] = new JArray(c.Includes),
                ["origin"] = c.Origin,
            };
            var fingerprints = JObject.FromObject(c.Fingerprints, Serializer);
            fingerprints.Remove("isEmpty");
            item["fingerprints"] = fingerprints;
            item["capabilities"] = JObject.FromObject(c.Capabilities, Serializer);
            components.Add(item);
        }

        using var w = new JsonTextWriter(o) { Formatting = Formatting.Indented, CloseOutput = false };
        new JObject { ["schemaVersion"] = CliJson.SchemaVersion, ["components"] = components }.WriteTo(w);
        w.Flush();
        o.WriteLine();
    }
}
