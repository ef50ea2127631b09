using K8sLandscape.Analyzers.Reporting;

namespace K8sLandscape.Cli;

/// <summary>
/// What a command is working on, so that an unexpected error can name it in its one line (exit code
/// 3) instead of a stack trace that does not say which of fifty CI inputs broke the tool.
/// </summary>
internal static class CurrentInput
{
    // A box per run: an async command's changes to an AsyncLocal would not flow back to the caller
    // that catches the error, but changes to the object it holds do; runs in parallel (tests) each
    // get their own box.
    private static readonly AsyncLocal<Box> Current = new();

    /// <summary>The input as a person would name it, or null before a command has set it.</summary>
    public static string? Description => Current.Value?.Text;

    /// <summary>Starts a run: nothing is being processed yet.</summary>
    public static void Start() => Current.Value = new Box();

    /// <summary>Records the paths a command reads ('-' is standard input).</summary>
    public static void Paths(IReadOnlyList<string> paths) =>
        Set(paths.Count == 0 ? null : string.Join(", ", paths.Select(p => p == "-" ? "standard input" : p)));

    /// <summary>Records free text, such as the cluster a command reads.</summary>
    public static void Set(string? description)
    {
        if (Current.Value is { } box) box.Text = description;
    }

    /// <summary>The one line printed for an unexpected error.</summary>
    public static string InternalErrorLine(Exception ex) =>
        TerminalText.Escape($"k8s-landscape: internal error{(Description is { } d ? " while processing " + d : string.Empty)}: {ex.GetType().Name}: {ex.Message} (exit code 3; please report it)");

    private sealed class Box
    {
        public string? Text { get; set; }
    }
}
