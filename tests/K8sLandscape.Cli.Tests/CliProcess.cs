using System.Diagnostics;
using K8sLandscape.Cli;

namespace K8sLandscape.Cli.Tests;

/// <summary>Runs the built tool as a separate process, as CI runs it: real exit code, real standard streams, real working folder.</summary>
internal static class CliProcess
{
    public static CliRun RunWith(string workingDirectory, string? stdin, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("COLUMNS");
        start.Environment["NO_COLOR"] = "1";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        using var p = Process.Start(start)!;
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), "the tool did not finish");
        return new CliRun(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static CliRun Run(string workingDirectory, params string[] args) => RunWith(workingDirectory, null, null, args);
}
