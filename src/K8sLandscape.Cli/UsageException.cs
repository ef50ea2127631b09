namespace K8sLandscape.Cli;

/// <summary>A problem with the command line or configuration (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);
