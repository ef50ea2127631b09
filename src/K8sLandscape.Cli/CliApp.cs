using System.CommandLine;
using K8sLandscape.Analyzers.Reporting;

namespace K8sLandscape.Cli;

/// <summary>The <c>k8s-landscape</c> command line. Writers are parameters so tests can run it in-process.</summary>
public static class CliApp
{
    /// <summary>Runs the command line and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        // Error messages quote paths, names and values from the input: never let them drive the terminal.
        stderr = TerminalText.EscapingWriter(stderr);
        CurrentInput.Start();
        try
        {
            var root = new RootCommand("k8s-landscape: map a Kubernetes cluster's extension surface and find conflicting or duplicate extensions.")
            {
                AnalyzeCommand.Create(stdout, stderr),
                LoadCommand.Create(stdout, stderr),
                InventoryCommand.Create(stdout, stderr),
                CatalogCommand.Create(stdout, stderr),
                RulesCommand.Create(stdout, stderr),
                RulesCommand.CreateExplain(stdout, stderr),
                SnapshotCommand.Create(stdout, stderr),
                CompareCommand.Create(stdout, stderr),
                FleetCommand.Create(stdout, stderr),
            };

            var parse = root.Parse(args);
            // Our own checks first: an unknown option also makes the parser complain about a stray
            // argument, and the one message that names the typo is the useful one.
            var problems = CommandLineChecks.Check(parse);
            if (problems.Count == 0) problems = parse.Errors.Select(e => e.Message).ToArray();
            if (problems.Count > 0) return CliError.Write(stderr, problems, details: [], CliError.UsageHint);

            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
#pragma warning disable CA1031 // The point: any bug becomes one line and exit code 3, never "1 = findings".
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return CliError.Write(stderr, ex);
        }
    }
}
