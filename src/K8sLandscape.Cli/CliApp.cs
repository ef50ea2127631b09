using System.CommandLine;

namespace K8sLandscape.Cli;

/// <summary>The <c>k8s-landscape</c> command line. Writers are parameters so tests can run it in-process.</summary>
public static class CliApp
{
    /// <summary>Runs the command line and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("k8s-landscape: map a Kubernetes cluster's extension surface and find conflicting or duplicate extensions.")
        {
            AnalyzeCommand.Create(stdout, stderr),
            LoadCommand.Create(stdout, stderr),
            InventoryCommand.Create(stdout, stderr),
            CatalogCommand.Create(stdout, stderr),
            RulesCommand.Create(stdout, stderr),
            SnapshotCommand.Create(stdout, stderr),
            CompareCommand.Create(stdout, stderr),
            FleetCommand.Create(stdout, stderr),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine($"error: {error.Message}");
            stderr.WriteLine("Run 'k8s-landscape --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.UsageError;
        }
    }
}
