using K8sLandscape.Analyzers.Configuration;

namespace K8sLandscape.Cli;

/// <summary>
/// The one way the command line reports a failure: <c>error: message</c> lines on standard error,
/// optional detail and hint lines under them, and the exit code the caller returns.
/// </summary>
internal static class CliError
{
    /// <summary>The hint under command-line syntax errors.</summary>
    public const string UsageHint = "Run 'k8s-landscape --help' for usage.";

    /// <summary>Writes <c>error: <paramref name="message"/></c> and returns <paramref name="exitCode"/>.</summary>
    public static int Write(TextWriter stderr, string message, int exitCode = ExitCodes.UsageError) =>
        Write(stderr, [message], details: [], hint: null, exitCode);

    /// <summary>
    /// Writes one <c>error:</c> line per message, then each detail line indented, then the hint, and
    /// returns <paramref name="exitCode"/>.
    /// </summary>
    public static int Write(TextWriter stderr, IEnumerable<string> messages, IEnumerable<string> details, string? hint, int exitCode = ExitCodes.UsageError)
    {
        foreach (var m in messages) stderr.WriteLine($"error: {m}");
        foreach (var d in details) stderr.WriteLine($"  {d}");
        if (hint is not null) stderr.WriteLine(hint);
        return exitCode;
    }

    /// <summary>True for the exceptions that mean a bad command line or configuration (exit code 2).</summary>
    public static bool IsUsage(Exception ex) => ex is UsageException or ConfigurationException;

    /// <summary>
    /// Reports an exception that ended a command and returns its exit code: a usage or configuration
    /// problem is 2, an interruption 130, anything else a bug: one line naming the input, 3.
    /// </summary>
    public static int Write(TextWriter stderr, Exception ex) => ex switch
    {
        _ when IsUsage(ex) => Write(stderr, ex.Message),
        OperationCanceledException => Line(stderr, "k8s-landscape: cancelled", ExitCodes.Cancelled),
        _ => Line(stderr, CurrentInput.InternalErrorLine(ex), ExitCodes.InternalError),
    };

    private static int Line(TextWriter stderr, string line, int exitCode)
    {
        stderr.WriteLine(line);
        return exitCode;
    }
}
