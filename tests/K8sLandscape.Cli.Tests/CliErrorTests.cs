using K8sLandscape.Analyzers.Configuration;

namespace K8sLandscape.Cli.Tests;

/// <summary>Every command reports a failure through <see cref="CliError"/>: one wording, one exit code per kind.</summary>
public class CliErrorTests
{
    [Fact]
    public void A_message_becomes_one_error_line_and_the_usage_exit_code()
    {
        var stderr = new StringWriter { NewLine = "\n" };

        Assert.Equal(ExitCodes.UsageError, CliError.Write(stderr, "input x does not exist"));
        Assert.Equal("error: input x does not exist\n", stderr.ToString());
    }

    [Fact]
    public void Details_are_indented_under_the_messages_and_the_hint_comes_last()
    {
        var stderr = new StringWriter { NewLine = "\n" };

        var code = CliError.Write(stderr, ["first", "second"], ["a.yaml:1:1: bad"], CliError.UsageHint, ExitCodes.Findings);

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Equal("error: first\nerror: second\n  a.yaml:1:1: bad\nRun 'k8s-landscape --help' for usage.\n", stderr.ToString());
    }

    [Fact]
    public void Exceptions_map_to_the_documented_exit_codes()
    {
        static (int Code, string Text) Run(Exception ex)
        {
            var stderr = new StringWriter { NewLine = "\n" };
            return (CliError.Write(stderr, ex), stderr.ToString());
        }

        Assert.Equal((ExitCodes.UsageError, "error: bad option\n"), Run(new UsageException("bad option")));
        Assert.Equal((ExitCodes.UsageError, "error: bad file\n"), Run(new ConfigurationException("bad file")));
        Assert.Equal((ExitCodes.Cancelled, "k8s-landscape: cancelled\n"), Run(new OperationCanceledException()));
        var (code, text) = Run(new InvalidOperationException("boom"));
        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Contains("internal error", text, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: boom", text, StringComparison.Ordinal);
    }
}
