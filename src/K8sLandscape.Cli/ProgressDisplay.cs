using K8sLandscape.Analyzers.Reporting;
using Spectre.Console;

namespace K8sLandscape.Cli;

/// <summary>
/// A status line on standard error for long loads and cluster scans (stage, objects, rules), shown
/// only when standard error is the console and a terminal, never when redirected (tests, CI, pipes).
/// </summary>
internal sealed class ProgressDisplay
{
    // Spectre.Console is touched only inside Terminal, created for a terminal: a redirected run (CI,
    // pipes, scripts) does not load its assemblies.
    private readonly Terminal? _terminal;

    private ProgressDisplay(Terminal? terminal) => _terminal = terminal;

    public static ProgressDisplay For(TextWriter stderr) =>
        new(!ReferenceEquals(TerminalText.Unwrap(stderr), Console.Error) || Console.IsErrorRedirected ? null : new Terminal());

    /// <summary>Runs the work; it reports its stage through the callback it is given.</summary>
    public Task<T> RunAsync<T>(Func<Action<string>, Task<T>> work) => _terminal is null ? work(_ => { }) : _terminal.RunAsync(work);

    private sealed class Terminal
    {
        private readonly IAnsiConsole _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = InteractionSupport.Yes,
            Ansi = AnsiSupport.Detect,
        });

        public Task<T> RunAsync<T>(Func<Action<string>, Task<T>> work) =>
            _console.Status()
                .Spinner(Spinner.Known.Dots)
                .StartAsync("Starting…", ctx => work(text => ctx.Status(Markup.Escape(text))));
    }
}
