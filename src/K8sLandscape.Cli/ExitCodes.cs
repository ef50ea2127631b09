namespace K8sLandscape.Cli;

/// <summary>The exit codes of every command; tooling relies on them.</summary>
public static class ExitCodes
{
    /// <summary>Nothing at or above the failure threshold.</summary>
    public const int Success = 0;

    /// <summary>Diagnostics or findings at or above the failure threshold.</summary>
    public const int Findings = 1;

    /// <summary>Bad command line or configuration.</summary>
    public const int UsageError = 2;

    /// <summary>An unexpected internal error (a bug): one line names the input being processed.</summary>
    public const int InternalError = 3;

    /// <summary>Interrupted (Ctrl+C), as shells report a process ended by SIGINT.</summary>
    public const int Cancelled = 130;
}
