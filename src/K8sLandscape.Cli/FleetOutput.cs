using System.CommandLine;
using K8sLandscape.Analyzers.Fleet;

namespace K8sLandscape.Cli;

/// <summary>The <c>--format</c> and <c>--output</c> options of <c>compare</c> and <c>fleet</c>.</summary>
internal sealed class FleetOutput
{
    public Option<string> Format { get; } = CreateFormat();

    public Option<string?> Output { get; } = new("--output", "-o")
    {
        Description = "Write to this file instead of standard output.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Format);
        command.Options.Add(Output);
    }

    /// <summary>Writes with <paramref name="write"/> to the file of --output, or to <paramref name="stdout"/>.</summary>
    public void Write(ParseResult parse, TextWriter stdout, Action<string, TextWriter> write)
    {
        var format = parse.GetValue(Format)!;
        if (parse.GetValue(Output) is not { } path || path == "-")
        {
            write(format, stdout);
            return;
        }

        try
        {
            var full = Path.GetFullPath(path);
            if (Path.GetDirectoryName(full) is { } dir) Directory.CreateDirectory(dir);
            using var file = new StreamWriter(full, append: false, new System.Text.UTF8Encoding(false));
            write(format, file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write {path}: {ex.Message}");
        }
    }

    private static Option<string> CreateFormat()
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = $"Output format: {string.Join(", ", FleetFormats.Names)}.",
            DefaultValueFactory = _ => FleetFormats.Text,
        };
        format.AcceptOnlyFromAmong([.. FleetFormats.Names]);
        return format;
    }
}
