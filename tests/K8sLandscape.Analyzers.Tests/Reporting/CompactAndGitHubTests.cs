using K8sLandscape.Analyzers.Reporting;

namespace K8sLandscape.Analyzers.Tests.Reporting;

public class CompactAndGitHubTests
{
    [Fact]
    public void Compact_writes_path_line_column_severity_id_and_message_and_leaves_suppressed_findings_out()
    {
        using var dir = new TempDir();
        var lines = ReportFixture.Render(new CompactReportWriter(), ReportFixture.Create(dir.Path)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains(lines, l => l.StartsWith("manifests/network.yaml:1:1: error RPT001: DaemonSet name 'cni' is used by 2 DaemonSets", StringComparison.Ordinal) && l.EndsWith(" (also at manifests/other.yaml:1)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("manifests/missing.yaml: error KL0003: ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("silenced", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("manifests/network.yaml:14:", StringComparison.Ordinal) && l.Contains(@"a | b\x0asecond line", StringComparison.Ordinal));
    }

    [Fact]
    public void GitHub_maps_severities_to_commands_and_escapes_as_the_toolkit_does()
    {
        using var dir = new TempDir();
        var lines = ReportFixture.Render(new GitHubReportWriter(), ReportFixture.Create(dir.Path)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains(lines, l => l.StartsWith("::error file=manifests/network.yaml,line=1,col=1,title=RPT001%3A DaemonSets share a name::DaemonSet name 'cni' is used by 2 DaemonSets", StringComparison.Ordinal) && l.EndsWith(" (also at manifests/other.yaml:1)", StringComparison.Ordinal));
        // A whole-file problem has no line; a cluster location is no file: both keep the place in the message.
        Assert.Contains(lines, l => l.StartsWith("::error file=manifests/missing.yaml,title=KL0003%3A ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("::warning title=KL0091%3A ", StringComparison.Ordinal) && l.Contains("::cluster://test/", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("::warning file=manifests/network.yaml,line=14,", StringComparison.Ordinal) && l.Contains("a | b%0Asecond line", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("silenced", StringComparison.Ordinal));
        Assert.Equal("%25%0D%0A%3A%2C", GitHubReportWriter.EscapeProperty("%\r\n:,"));
        Assert.Equal("%25%0D%0A:,", GitHubReportWriter.EscapeData("%\r\n:,"));
    }
}
