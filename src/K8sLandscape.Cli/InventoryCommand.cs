using System.CommandLine;
using K8sLandscape.Inventory;
using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Cli;

/// <summary><c>k8s-landscape inventory PATH... [--format text|json]</c>: what is installed at each extension point.</summary>
internal static class InventoryCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Files or folders to load; '-' reads standard input.",
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: text or json.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("inventory", "Print the landscape per area: recognized components, how they were recognized, their objects, and the implementations at each extension point.") { paths, format };
        command.SetAction(parse =>
        {
            var load = new ManifestLoader().Load(parse.GetValue(paths)!);
            var landscape = Landscape.Build(load);
            if (parse.GetValue(format) == "json")
            {
                InventoryJsonWriter.Write(landscape, stdout);
            }
            else
            {
                InventoryTextWriter.Write(landscape, stdout);
            }

            // Load problems go to standard error so the inventory itself stays clean to pipe.
            foreach (var d in load.Diagnostics) stderr.WriteLine(d.ToString());
            return load.HasErrors ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }
}
