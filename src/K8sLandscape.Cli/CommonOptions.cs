using System.CommandLine;

namespace K8sLandscape.Cli;

/// <summary>Options several commands share, defined once so that their names and help read the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary><c>--format text|json</c>, default text.</summary>
    public static Option<string> TextOrJson(string what = "Output")
    {
        var format = new Option<string>("--format")
        {
            Description = $"{what} format: text or json.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        return format;
    }
}
