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
}
