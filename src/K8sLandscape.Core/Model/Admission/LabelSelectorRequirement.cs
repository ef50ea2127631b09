namespace K8sLandscape.Model.Admission;

/// <summary>One <c>matchExpressions</c> entry of a label selector.</summary>
/// <param name="Key">The label key.</param>
/// <param name="Operator"><c>In</c>, <c>NotIn</c>, <c>Exists</c> or <c>DoesNotExist</c>.</param>
/// <param name="Values">The values for <c>In</c> and <c>NotIn</c>.</param>
public sealed record LabelSelectorRequirement(string Key, string Operator, IReadOnlyList<string> Values)
{
    /// <summary>Evaluates against labels; an unknown key (when labels are incomplete) gives <see cref="SelectorMatch.Unknown"/>.</summary>
    public SelectorMatch Evaluate(IReadOnlyDictionary<string, string> labels, bool labelsComplete)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var has = labels.TryGetValue(Key, out var value);
        if (!has && !labelsComplete) return SelectorMatch.Unknown;
        var ok = Operator switch
        {
            "In" => has && Values.Contains(value!, StringComparer.Ordinal),
            "NotIn" => !has || !Values.Contains(value!, StringComparer.Ordinal),
            "Exists" => has,
            "DoesNotExist" => !has,
            // The API server rejects other operators; treat them as selecting nothing, as it would never admit them.
            _ => false,
        };
        return ok ? SelectorMatch.Match : SelectorMatch.NoMatch;
    }
}
