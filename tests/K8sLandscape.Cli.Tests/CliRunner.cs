using K8sLandscape.Cli;

namespace K8sLandscape.Cli.Tests;

internal sealed record CliRun(int ExitCode, string Stdout, string Stderr);

internal static class CliRunner
{
    public static CliRun Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
