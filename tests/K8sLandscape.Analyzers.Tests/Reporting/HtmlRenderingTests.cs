using System.Diagnostics;
using System.Text.RegularExpressions;
using K8sLandscape.Analyzers.Reporting;

namespace K8sLandscape.Analyzers.Tests.Reporting;

/// <summary>
/// Renders the HTML report in headless Chromium (Debian package <c>chromium</c>): the page must paint
/// (a screenshot with many colours), log nothing to the console, and its script must run (it marks
/// <c>&lt;html&gt;</c> and counts the rows shown). Skipped where Chromium is not installed.
/// </summary>
public sealed partial class HtmlRenderingTests : IDisposable
{
    private static readonly string? Chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public void Samples_report_paints_without_console_errors_and_its_script_runs()
    {
        Skip.If(Chromium is null, "Chromium is not installed (apt-get install -y chromium)");
        var report = SampleReports.Samples();
        var page = Path.Combine(_dir.Path, "report.html");
        File.WriteAllText(page, ReportFixture.Render(new HtmlReportWriter(), report));

        var png = Path.Combine(_dir.Path, "shot.png");
        var log = RunChromium($"--screenshot={png} --window-size=1280,900 --enable-logging=stderr --v=0", page);
        Assert.True(File.Exists(png), "no screenshot written:\n" + log);
        Assert.Empty(ConsoleMessages(log));

        var image = Png.Read(png);
        Assert.Equal((1280, 900), (image.Width, image.Height));
        Assert.True(image.DistinctColors() > 64, $"the screenshot has only {image.DistinctColors()} colour(s)");

        var dom = RunChromium("--dump-dom", page);
        var rows = report.Findings.Count;
        Assert.Contains($"<html lang=\"en\" {HtmlReportWriter.ReadyAttribute}=\"{rows}\">", dom, StringComparison.Ordinal);
        Assert.Contains($"<span id=\"shown\">{rows} of {rows} finding(s) shown</span>", dom, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Fixture_report_with_hostile_text_runs_its_script_and_logs_nothing()
    {
        Skip.If(Chromium is null, "Chromium is not installed (apt-get install -y chromium)");
        var page = Path.Combine(_dir.Path, "fixture.html");
        File.WriteAllText(page, ReportFixture.Render(new HtmlReportWriter(), ReportFixture.Create(_dir.Path)));

        var log = RunChromium("--dump-dom --enable-logging=stderr --v=0", page);

        Assert.Empty(ConsoleMessages(log));
        Assert.Contains($"{HtmlReportWriter.ReadyAttribute}=\"5\"", log, StringComparison.Ordinal);
        Assert.DoesNotContain("alert('x')</script>", log, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_console_check_catches_a_page_that_throws()
    {
        Skip.If(Chromium is null, "Chromium is not installed (apt-get install -y chromium)");
        var page = Path.Combine(_dir.Path, "broken.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><p>x</p><script>notDefined();</script></body></html>");

        var log = RunChromium($"--screenshot={Path.Combine(_dir.Path, "b.png")} --window-size=400,300 --enable-logging=stderr --v=0", page);

        Assert.Contains(ConsoleMessages(log), m => m.Contains("Uncaught ReferenceError", StringComparison.Ordinal));
    }

    private static string[] ConsoleMessages(string log) =>
        log.Split('\n').Where(l => ConsoleLine().IsMatch(l) || l.Contains("Uncaught", StringComparison.Ordinal)).ToArray();

    [GeneratedRegex(@":CONSOLE[:(]")]
    private static partial Regex ConsoleLine();

    private static string RunChromium(string arguments, string page)
    {
        var profile = Directory.CreateTempSubdirectory("k8sl-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Chromium!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in $"--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir={profile}".Split(' ')) start.ArgumentList.Add(a);
            foreach (var a in arguments.Split(' ')) start.ArgumentList.Add(a);
            start.ArgumentList.Add(new Uri(page).AbsoluteUri);
            using var p = Process.Start(start)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                p.Kill(entireProcessTree: true);
                throw new TimeoutException("Chromium did not finish in 2 minutes");
            }

            return stdout.Result + "\n" + stderr.Result;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
