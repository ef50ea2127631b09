namespace K8sLandscape.Cli;

/// <summary>Whether text written to standard output should be coloured.</summary>
internal static class TerminalColor
{
    /// <summary>
    /// True when standard output is a terminal and the <c>NO_COLOR</c> convention
    /// (https://no-color.org) is not in force.
    /// </summary>
    public static bool ForConsole() => ForConsole(Console.IsOutputRedirected, Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>The decision from its two inputs, so it can be tested without a terminal.</summary>
    internal static bool ForConsole(bool outputRedirected, string? noColor) => !outputRedirected && string.IsNullOrEmpty(noColor);
}
