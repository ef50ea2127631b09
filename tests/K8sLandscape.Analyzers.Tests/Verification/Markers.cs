using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace K8sLandscape.Analyzers.Tests.Verification;

/// <summary>
/// Reads and strips the inline markers of verifier inputs. A marker is a comment that ends a line:
/// <c>#! KL2001</c> (several ids: <c>#! KL2001 KL2004</c>) expects a finding of each rule whose primary
/// location is that line; <c>#! KL2004 @ net.d/10-b.conflist:1</c> expects it at another file of the
/// same input (for files that cannot hold a comment, such as JSON, and for line 0, the file itself).
/// </summary>
/// <remarks>
/// The marker and the blanks before it are cut off before the loader reads the file, so what the
/// loader sees is the file without markers, every line and column unchanged. That holds inside block
/// scalars and JSON too, where a comment would otherwise be content. Only <c>#!</c> followed by a
/// rule id is a marker: a shebang (<c>#!/bin/sh</c>) in a ConfigMap stays.
/// </remarks>
internal static partial class Markers
{
    /// <summary>The bytes with every marker removed, and the findings the markers expect.</summary>
    public static (byte[] Stripped, List<ExpectedFinding> Expected) Strip(byte[] content, string file)
    {
        // Latin-1 maps each byte to one char and back, so bytes that are not UTF-8 survive (KL0004 fixtures).
        var text = Encoding.Latin1.GetString(content);
        var expected = new List<ExpectedFinding>();
        var output = new StringBuilder(text.Length);
        var lineNumber = 0;
        foreach (var line in SplitKeepingEnds(text))
        {
            lineNumber++;
            var body = line.TrimEnd('\r', '\n');
            var end = line[body.Length..];
            var m = Marker().Match(body);
            if (!m.Success)
            {
                output.Append(line);
                continue;
            }

            var target = m.Groups["file"].Success ? m.Groups["file"].Value : file;
            var targetLine = m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture) : lineNumber;
            foreach (var id in m.Groups["ids"].Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
                expected.Add(new ExpectedFinding(id, target, targetLine));
            output.Append(body.AsSpan(0, m.Index)).Append(end);
        }

        return (Encoding.Latin1.GetBytes(output.ToString()), expected);
    }

    private static IEnumerable<string> SplitKeepingEnds(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl + 1;
            yield return text[start..end];
            start = end;
        }
    }

    [GeneratedRegex(@"(?:^|[ \t]+)#![ \t]+(?<ids>[A-Z]+[0-9]{4}(?:[ \t,]+[A-Z]+[0-9]{4})*)(?:[ \t]+@[ \t]+(?<file>[^\s:]+):(?<line>[0-9]+))?[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
