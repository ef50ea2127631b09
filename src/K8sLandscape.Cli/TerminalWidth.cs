using System.Globalization;

namespace K8sLandscape.Cli;

/// <summary>The width text reports fit on standard output: <c>COLUMNS</c> when set, else the terminal's, else the writer's default.</summary>
internal static class TerminalWidth
{
    /// <summary>Columns to fit, or null for the report writer's default (redirected output without <c>COLUMNS</c>).</summary>
    public static int? Current() => FromEnvironment(Environment.GetEnvironmentVariable("COLUMNS")) ?? FromConsole();

    /// <summary>A positive <c>COLUMNS</c> value, or null.</summary>
    internal static int? FromEnvironment(string? columns) =>
        int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    private static int? FromConsole()
    {
        if (Console.IsOutputRedirected) return null;
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
