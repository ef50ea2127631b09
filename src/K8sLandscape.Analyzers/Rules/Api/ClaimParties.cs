using K8sLandscape.Loading;
using K8sLandscape.Model.Api;

namespace K8sLandscape.Analyzers.Rules.Api;

/// <summary>How conflict rules of the API and admission areas name their parties in messages.</summary>
internal static class ClaimParties
{
    /// <summary><c>file:line</c>, or the file alone when the line is unknown.</summary>
    public static string Where(SourceSpan span) => span.Line > 0 ? $"{span.Path}:{span.Line}" : span.Path;

    /// <summary>A list joined with commas and a final "and".</summary>
    public static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>A claimant as <c>plural.group (file:line)</c>, or <c>built-in plural.group</c>.</summary>
    public static string Describe(ApiClaimant claimant) => claimant.Source switch
    {
        ApiClaimantSource.BuiltIn => "built-in " + claimant.Resource,
        ApiClaimantSource.ApiService => $"APIService {claimant.Resource} ({Where(claimant.Location)})",
        _ => $"{claimant.Resource} ({Where(claimant.Location)})",
    };

    /// <summary>
    /// Reports a conflict among claimants at the first one from the input (by location), with every
    /// other claimant from the input as a related location. Does nothing when none is from the input.
    /// </summary>
    public static void ReportClaims(AnalysisContext context, RuleDescriptor rule, IEnumerable<ApiClaimant> claimants, Func<IReadOnlyList<ApiClaimant>, object?[]> args)
    {
        // One CRD claims a name with several fields (plural and kind); it is one party, at its first field.
        var all = claimants
            .GroupBy(c => (object?)c.Object ?? c.Resource)
            .Select(g => g.OrderBy(c => c.Location).First())
            .OrderBy(c => c.Resource, StringComparer.Ordinal).ThenBy(c => c.Location)
            .ToArray();
        var fromInput = all.Where(c => c.Object is not null && c.Location.IsKnown).OrderBy(c => c.Location).ToArray();
        if (fromInput.Length == 0) return;
        var primary = fromInput[0];
        var related = fromInput.Skip(1).Select(c => c.Location).Distinct().ToArray();
        context.Report(rule, primary.Location, related, primary.Object!.Ref, args(all));
    }
}
