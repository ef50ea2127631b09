using K8sLandscape.Analyzers.Reporting;
using Spectre.Console;

namespace K8sLandscape.Cli;

/// <summary>
/// A status line on standard error for long loads and cluster scans (stage, objects, rules), shown
/// only when standard error is the console and a terminal, never when redirected (tests, CI, pipes).
/// </summary>
internal sealed class ProgressDisplay
{
    private readonly IAnsiConsole? _console;

    private ProgressDisplay(IAnsiConsole? console) => _console = console;

    public static ProgressDisplay For(TextWriter stderr)
    {
        if (!ReferenceEquals(TerminalText.Unwrap(stderr), Console.Error) || Console.IsErrorRedirected) return new ProgressDisplay(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = InteractionSupport.Yes,
            Ansi = AnsiSupport.Detect,
        });
        return new ProgressDisplay(console);
    }

    /// <summary>Runs the work; it reports its stage through the callback it is given.</summary>
    public async Task<T> RunAsync<T>(Func<Action<string>, Task<T>> work)
    {
        if (_console is null) return await work(_ => { }).ConfigureAwait(false);
        return await _console.Status()
            .Spinner(Spinner.Known.Dots)
            .StartAsync("Starting…", ctx => work(text => ctx.Status(Markup.Escape(text))))
            .ConfigureAwait(false);
    }
}
