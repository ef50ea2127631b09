using System.Text.RegularExpressions;
using System.Xml.Linq;
using K8sLandscape.Analyzers.Reporting;

namespace K8sLandscape.Analyzers.Tests.Reporting;

/// <summary>Control and bidi characters in every human-facing format (issue 12, item 14), and the HTML findings table (issue 14).</summary>
public class EscapingAndOrderTests
{
    // A right-to-left override hides what follows it; ESC starts a terminal sequence; BEL rings; U+009B is the C1 CSI.
    private const string Hostile = "x\u202Etxt.exe\u2066\u001b[31m\u0007\u009b";

    private static AnalysisReport HostileReport(string baseDirectory) => ReportFixture.Create(
        baseDirectory,
        network: ReportFixture.Network.Replace("note: \"a | b\\nsecond line <script>alert('x')</script> & *bold*\"", $"note: \"{Hostile.Replace("\u001b", "\\e", StringComparison.Ordinal).Replace("\u0007", "\\a", StringComparison.Ordinal).Replace("\u009b", "\\x9b", StringComparison.Ordinal)}\"", StringComparison.Ordinal));

    [Fact]
    public void The_escaper_shows_controls_and_bidi_overrides_and_keeps_everything_else()
    {
        Assert.Equal("x\\u202etxt.exe\\u2066\\x1b[31m\\x07\\x9b", TerminalText.Escape(Hostile));
        Assert.Equal("tab\there, ünïcode, 日本, emoji 🙂", TerminalText.Escape("tab\there, ünïcode, 日本, emoji 🙂"));
        Assert.Equal("a\\x0ab", TerminalText.Escape("a\nb"));
        Assert.Equal("a\nb\\x1b", TerminalText.Escape("a\nb\u001b", keepLineBreaks: true));
        Assert.True(TerminalText.IsBidiControl('\u202A') && TerminalText.IsBidiControl('\u2069') && !TerminalText.IsBidiControl('\u2070'));

        using var sink = new StringWriter();
        var writer = TerminalText.EscapingWriter(sink);
        writer.Write('\u001b');
        writer.WriteLine("line\u202E");
        writer.Write("next".ToCharArray(), 0, 4);
        Assert.Equal("\\x1bline\\u202e" + sink.NewLine + "next", sink.ToString());
    }

    [Fact]
    public void Shorten_keeps_ordinary_words_and_cuts_only_very_long_ones()
    {
        var name = new string('n', 1000);

        var shortened = TerminalText.Shorten($"object '{name}' in ns");

        Assert.Equal("plain words stay", TerminalText.Shorten("plain words stay"));
        Assert.EndsWith("' (1002 chars) in ns", shortened, StringComparison.Ordinal);
        Assert.True(shortened.Length < 260, shortened);
        Assert.StartsWith("object 'nnnn", shortened, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportFormats.Text)]
    [InlineData(ReportFormats.Compact)]
    [InlineData(ReportFormats.GitHub)]
    [InlineData(ReportFormats.Html)]
    [InlineData(ReportFormats.Markdown)]
    [InlineData(ReportFormats.JUnit)]
    public void Human_facing_formats_escape_controls_and_bidi_characters(string format)
    {
        using var dir = new TempDir();
        var report = HostileReport(dir.Path);
        Assert.Contains(report.Findings, f => f.Message.Contains('\u202E', StringComparison.Ordinal));

        var output = ReportFixture.Render(ReportFormats.Create(format), report);

        Assert.DoesNotMatch("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]", output);
        Assert.Contains("\\u202etxt.exe", output, StringComparison.Ordinal);
        if (format == ReportFormats.JUnit) Assert.NotNull(XDocument.Parse(output).Root);
    }

    [Fact]
    public void Json_and_sarif_keep_the_text_as_it_is()
    {
        using var dir = new TempDir();
        var report = HostileReport(dir.Path);

        foreach (var format in new[] { ReportFormats.Json, ReportFormats.Sarif })
        {
            var root = Newtonsoft.Json.Linq.JToken.Parse(ReportFixture.Render(ReportFormats.Create(format), report));
            Assert.Contains(root.SelectTokens("$..message").Concat(root.SelectTokens("$..text")), t => t.ToString().Contains(Hostile, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Html_lists_findings_worst_first_then_by_location_with_sortable_columns_and_wrapping_paths()
    {
        using var dir = new TempDir();
        var html = ReportFixture.Render(new HtmlReportWriter(), ReportFixture.Create(dir.Path));

        var severities = Regex.Matches(html, "<tr data-severity=\"([a-z]+)\"").Select(m => m.Groups[1].Value).ToArray();
        var rank = new Dictionary<string, int> { ["error"] = 0, ["warning"] = 1, ["info"] = 2, ["suppressed"] = 3 };
        Assert.True(severities.Length >= 4, string.Join(",", severities));
        Assert.Equal(severities.OrderBy(s => rank[s]), severities);
        Assert.Equal(5, Regex.Count(html, "<th aria-sort=\"none\"><button type=\"button\" class=\"sort\">"));
        Assert.Contains("overflow-wrap: anywhere", html, StringComparison.Ordinal);
        Assert.Contains("data-key=\"manifests/network.yaml#000000001:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_landscape_map_flags_only_points_with_an_actual_conflict()
    {
        var report = SampleReports.Samples();
        var html = ReportFixture.Render(new HtmlReportWriter(), report);
        var conflicts = new ConflictMap(report);

        // Every flagged point is overfilled or has two of its implementations named by one finding.
        var flagged = report.Landscape.ExtensionPoints.Where(conflicts.IsConflicting).ToArray();
        Assert.NotEmpty(flagged);
        Assert.All(flagged, p => Assert.True(p.Implementations.Count >= 2, p.Name));
        // A point with one implementation is never flagged, even when a finding names its objects.
        var single = report.Landscape.ExtensionPoints.Where(p => p.Implementations.Count == 1).ToArray();
        Assert.NotEmpty(single);
        Assert.All(single, p => Assert.False(conflicts.IsConflicting(p), p.Name));
        Assert.Equal(flagged.Length, Regex.Count(html, "<li class=\"point conflict\">"));
        Assert.Equal(
            ReportAreas.All.Count(a => flagged.Any(p => p.Area == a)),
            Regex.Count(html, "<div class=\"area has-conflict\""));
    }
}
