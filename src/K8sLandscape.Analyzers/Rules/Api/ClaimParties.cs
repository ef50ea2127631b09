using K8sLandscape.Loading;
using K8sLandscape.Model.Api;

namespace K8sLandscape.Analyzers.Rules.Api;

/// <summary>How conflict rules of the API and admission areas name their parties in messages.</summary>
internal static class ClaimParties
{
    /// <summary><c>file:line</c>, or the file alone when the line is unknown.</summary>
    public static string Where(SourceSpan span) => span.Line > 0 ? $"{span.Path}:{span.Line}" : span.Path;

    /// <summary>A claimant as <c>plural.group (file:line)</c>, or <c>built-in plural.group</c>.</summary>
    public static string Describe(ApiClaimant claimant) => claimant.Source switch
    {
        ApiClaimantSource.BuiltIn => "built-in " + claimant.Resource,
        ApiClaimantSource.ApiService => $"APIService {claimant.Resource} ({Where(claimant.Location)})",
        _ => $"{claimant.Resource} ({Where(claimant.Location)})",
    };

    /// <summary>
    /// Reports a conflict among claimants at the first one from the input (by location), with every
    /// other claimant from the input as a related location, at <paramref name="severity"/> (the rule's
    /// default when null). Does nothing when none is from the input.
    /// </summary>
    public static void ReportClaims(AnalysisContext context, RuleDescriptor rule, IEnumerable<ApiClaimant> claimants, Func<IReadOnlyList<ApiClaimant>, object?[]> args, DiagnosticSeverity? severity = null)
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
        context.Report(Finding.Create(rule, primary.Location, related, primary.Object!.Ref, severity ?? rule.DefaultSeverity, null, args(all)));
    }

    /// <summary>
    /// What kubectl does with a contested bare name, as a sentence, and the severity that follows:
    /// info when a built-in wins (the CRD is reachable only by its full name, and always was), a
    /// warning when custom groups compete (which one wins depends on group names, not on intent).
    /// </summary>
    public static (string Text, DiagnosticSeverity Severity) Resolution(NameResolution r, string name)
    {
        var reach = r.Losers.Count == 0 ? string.Empty : "; reach " + (r.Losers.Count == 1 ? "the other" : "the others") + " by full name: " + Parties.Join(r.Losers.Select(l => $"`kubectl get {l}`").ToArray());
        switch (r.Basis)
        {
            case NameResolutionBasis.BuiltInFirst:
                return ($"kubectl resolves `{name}` to the built-in {r.Winner!.Resource}, because kube-apiserver's own groups come first in discovery (GroupPriorityMinimum {DiscoveryOrder.LowestBuiltInGroupPriorityMinimum} and up, CRD groups {DiscoveryOrder.CrdGroupPriorityMinimum}){reach}", DiagnosticSeverity.Info);
            case NameResolutionBasis.GroupName:
                var legacy = r.LegacyWinner is { } l
                    ? $" (servers without aggregated discovery order /apis by APIService name, version.group, and pick {l.Resource} instead)"
                    : string.Empty;
                return ($"kubectl resolves `{name}` to {r.Winner!.Resource}, because CRD groups share GroupPriorityMinimum {DiscoveryOrder.CrdGroupPriorityMinimum} and discovery then orders them by group name{legacy}{reach}", DiagnosticSeverity.Warning);
            default:
                return ($"the claimants share one API group, so which one `{name}` reaches depends on the order that group's discovery lists them; use the full names {Parties.Join(r.Losers.Select(x => $"`{x}`").ToArray())}", DiagnosticSeverity.Warning);
        }
    }
}
