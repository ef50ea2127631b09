using System.CommandLine;
using K8sLandscape.Analyzers.Reporting;
using K8sLandscape.Inventory;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Sources;

namespace K8sLandscape.Cli;

/// <summary><c>k8s-landscape inventory PATH... | --cluster [--format text|json] [--config FILE] [--kubernetes-version V]</c>: what is installed at each extension point.</summary>
internal static class InventoryCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Files or folders to load; '-' reads standard input; a path that starts with '-' goes after '--'. Not with --cluster.",
        };
        var format = CommonOptions.TextOrJson();
        var config = CliConfiguration.ConfigOption();
        var kubernetesVersion = CliConfiguration.KubernetesVersionOption();
        var cluster = new ClusterOptions();

        var command = new Command("inventory", "Print the landscape per area: recognized components, how they were recognized, their objects, and the implementations at each extension point.") { paths, format, config, kubernetesVersion };
        cluster.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = parse.GetValue(paths) ?? [];
            // The configuration's catalog files and target Kubernetes version shape the inventory too.
            var builder = CliConfiguration.Builder(parse.GetValue(config), Directory.GetCurrentDirectory());
            CliConfiguration.ApplyKubernetesVersion(builder, parse.GetValue(kubernetesVersion));
            var options = builder.Build();
            var catalog = CliConfiguration.LoadCatalog(options, [], stderr);
            if (catalog is null) return ExitCodes.UsageError;
            LoadResult load;
            ClusterCoverage? coverage = null;
            if (cluster.IsRequested(parse))
            {
                if (files.Length > 0) throw new UsageException("give paths or --cluster, not both");
                CurrentInput.Set("the cluster");
                var read = await cluster.ReadAsync(parse, cancellationToken).ConfigureAwait(false);
                (load, coverage) = (read.Load, read.Coverage);
            }
            else
            {
                if (files.Length == 0) throw new UsageException("nothing to list: give files or folders ('-' for standard input), or --cluster");
                cluster.ReadOptions(parse); // rejects --kubeconfig, --context, --namespace without --cluster
                CurrentInput.Paths(files);
                load = CliLoader.Create().Load(files, cancellationToken);
            }

            var landscape = Landscape.Build(load, options.ToLandscapeOptions(catalog));
            var json = parse.GetValue(format) == "json";
            var text = TerminalText.EscapingWriter(stdout);

            // The coverage opens a text inventory; beside JSON it goes to standard error so the JSON stays clean to pipe.
            if (coverage is not null)
            {
                ClusterOptions.WriteCoverage(json ? stderr : text, coverage);
                if (!json) text.WriteLine();
            }

            if (json) InventoryJsonWriter.Write(landscape, stdout);
            else InventoryTextWriter.Write(landscape, text, CliPaths.Display);
            text.Flush();

            // Load problems go to standard error so the inventory itself stays clean to pipe.
            foreach (var d in load.Diagnostics) stderr.WriteLine(TerminalText.Escape(CliPaths.Format(d)));
            return load.HasErrors ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }
}
