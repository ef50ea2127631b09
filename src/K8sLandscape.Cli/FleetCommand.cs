using System.CommandLine;
using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Analyzers.Fleet;

namespace K8sLandscape.Cli;

/// <summary>
/// <c>k8s-landscape fleet INPUT... [--cluster --context NAME...] [--format text|json|markdown|html]
/// [--output FILE] [--config FILE]</c>: extension points by clusters, each cell the implementation
/// and version, with fragmentation figures per point and for the fleet, and the findings per
/// cluster. Clusters are read one at a time and only their summaries kept. Exit code 0, or 2 on a
/// usage or configuration error.
/// </summary>
internal static class FleetCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new ClusterInputs();
        var output = new FleetOutput();
        var command = new Command("fleet", "Map a fleet: extension points by clusters with implementations and versions, fragmentation figures, and findings per cluster.");
        inputs.AddTo(command);
        output.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var clusters = inputs.List(parse);
                if (clusters.Count == 0) throw new UsageException("nothing to map: give one input per cluster (folders, files, saved JSON reports), or --cluster --context NAME...");
                if (inputs.Configure(parse, stderr) is not { } setup) return ExitCodes.UsageError;
                var fleet = new FleetMatrixBuilder();
                foreach (var cluster in clusters)
                {
                    fleet.Add(await inputs.ReadAsync(cluster, parse, setup, stderr, ct).ConfigureAwait(false));
                }

                var matrix = fleet.Build();
                output.Write(parse, stdout, (format, writer) => FleetFormats.Write(format, matrix, writer));
                return ExitCodes.Success;
            }
            catch (Exception ex) when (CliError.IsUsage(ex))
            {
                return CliError.Write(stderr, ex);
            }
        });
        return command;
    }
}
