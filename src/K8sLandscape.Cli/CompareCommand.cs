using System.CommandLine;
using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Analyzers.Fleet;

namespace K8sLandscape.Cli;

/// <summary>
/// <c>k8s-landscape compare A B [--cluster --context NAME...] [--format text|json|markdown|html]
/// [--output FILE] [--config FILE]</c>: what only A has, what only B has and what both have at
/// different versions or settings, per extension point, and the findings only one side has. Exit
/// code 1 when a difference is at a point the configuration's <c>compare: mustMatch:</c> names,
/// 2 on a usage or configuration error, 0 otherwise.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new ClusterInputs();
        var output = new FleetOutput();
        var command = new Command("compare", "Compare two clusters' landscapes: implementations, versions and settings per extension point, and findings only one side has.");
        inputs.AddTo(command);
        output.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var sides = inputs.List(parse);
                if (sides.Count != 2) throw new UsageException($"compare needs two inputs (paths first, then each --context with --cluster); got {sides.Count}");
                if (inputs.Configure(parse, stderr) is not { } setup) return ExitCodes.UsageError;
                var a = await inputs.ReadAsync(sides[0], parse, setup, stderr, ct).ConfigureAwait(false);
                var b = await inputs.ReadAsync(sides[1], parse, setup, stderr, ct).ConfigureAwait(false);
                var comparison = LandscapeComparer.Compare(a, b, new MustMatch(setup.Options.MustMatch));
                output.Write(parse, stdout, (format, writer) => FleetFormats.Write(format, comparison, writer));
                return comparison.MustMatchViolations.Count > 0 ? ExitCodes.Findings : ExitCodes.Success;
            }
            catch (Exception ex) when (CliError.IsUsage(ex))
            {
                return CliError.Write(stderr, ex);
            }
        });
        return command;
    }
}
