namespace K8sLandscape.Analyzers;

/// <summary>
/// The one order findings are reported in: location path, line, column, rule id, message (all
/// ordinal), then subject and related locations, so equal inputs always print identically.
/// </summary>
public sealed class FindingComparer : IComparer<Finding>
{
    /// <summary>The instance.</summary>
    public static FindingComparer Instance { get; } = new();

    private FindingComparer()
    {
    }

    /// <inheritdoc />
    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var c = x.Location.CompareTo(y.Location);
        if (c == 0) c = string.CompareOrdinal(x.Id, y.Id);
        if (c == 0) c = string.CompareOrdinal(x.Message, y.Message);
        if (c == 0) c = Comparer<K8sLandscape.Loading.ObjectRef?>.Default.Compare(x.Subject, y.Subject);
        if (c == 0) c = x.RelatedLocations.Count.CompareTo(y.RelatedLocations.Count);
        for (var i = 0; c == 0 && i < x.RelatedLocations.Count; i++) c = x.RelatedLocations[i].CompareTo(y.RelatedLocations[i]);
        if (c == 0) c = x.Severity.CompareTo(y.Severity);
        if (c == 0) c = string.CompareOrdinal(x.SuppressionReason, y.SuppressionReason);
        return c;
    }
}
