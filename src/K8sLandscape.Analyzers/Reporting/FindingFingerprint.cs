using System.Security.Cryptography;
using System.Text;

namespace K8sLandscape.Analyzers.Reporting;

/// <summary>
/// A finding's identity across runs: a hash of the rule id, the subject and the sorted subjects of
/// the other parties, never of line numbers, so a finding keeps its identity when lines move (SARIF
/// <c>partialFingerprints</c>, which GitHub code scanning tracks alerts by). A finding without a
/// subject (a load problem) is identified by its file and message instead.
/// </summary>
public static class FindingFingerprint
{
    /// <summary>The key under SARIF <c>partialFingerprints</c>.</summary>
    public const string Key = "k8sLandscape/v1";

    /// <summary>The fingerprint: 32 lower-case hex digits.</summary>
    public static string Compute(Finding finding, AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder(finding.Id).Append('\n');
        if (finding.Subject is { } subject)
        {
            text.Append(subject).Append('\n');
            var related = finding.RelatedLocations
                .Select(s => report.SubjectAt(s)?.ToString() ?? report.DisplayPath(s.Path))
                .Order(StringComparer.Ordinal);
            foreach (var r in related) text.Append(r).Append('\n');
        }
        else
        {
            text.Append(report.DisplayPath(finding.Location.Path)).Append('\n').Append(finding.Message);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexString(hash, 0, 16).ToLowerInvariant();
    }
}
