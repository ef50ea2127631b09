
namespace K8sLandscape.Model.Admission;

/// <summary>A label selector (<c>matchLabels</c> and <c>matchExpressions</c>, all ANDed). An empty selector selects everything.</summary>
/// <param name="MatchLabels">Labels that must be present with these values.</param>
/// <param name="MatchExpressions">Further requirements.</param>
public sealed record LabelSelector(IReadOnlyDictionary<string, string> MatchLabels, IReadOnlyList<LabelSelectorRequirement> MatchExpressions)
{
    /// <summary>The selector that selects everything (also what an absent selector means).</summary>
    public static LabelSelector Everything { get; } = new(new Dictionary<string, string>(), []);

    /// <summary>True when it selects everything.</summary>
    public bool IsEmpty => MatchLabels.Count == 0 && MatchExpressions.Count == 0;

    /// <summary>Every requirement, <c>matchLabels</c> first as <c>In</c> requirements.</summary>
    public IEnumerable<LabelSelectorRequirement> Requirements =>
        MatchLabels.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new LabelSelectorRequirement(p.Key, "In", [p.Value]))
            .Concat(MatchExpressions);

    /// <summary>Whether it selects an object with exactly these labels.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels) => Evaluate(labels, labelsComplete: true) == SelectorMatch.Match;

    /// <summary>
    /// Evaluates against labels. With <paramref name="labelsComplete"/> false, a requirement on a
    /// label that is not given is undecided rather than failed.
    /// </summary>
    public SelectorMatch Evaluate(IReadOnlyDictionary<string, string> labels, bool labelsComplete)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var result = SelectorMatch.Match;
        foreach (var r in Requirements)
        {
            var m = r.Evaluate(labels, labelsComplete);
            if (m == SelectorMatch.NoMatch) return SelectorMatch.NoMatch;
            if (m == SelectorMatch.Unknown) result = SelectorMatch.Unknown;
        }

        return result;
    }

    /// <summary>Formats as kubectl's selector syntax, e.g. <c>istio-injection=enabled,app notin (a,b)</c>.</summary>
    public override string ToString() => IsEmpty ? "<everything>" : string.Join(",", Requirements.Select(r => r.Operator switch
    {
        "In" when r.Values.Count == 1 => $"{r.Key}={r.Values[0]}",
        "Exists" => r.Key,
        "DoesNotExist" => "!" + r.Key,
        _ => $"{r.Key} {r.Operator.ToLowerInvariant()} ({string.Join(",", r.Values)})",
    }));
}
