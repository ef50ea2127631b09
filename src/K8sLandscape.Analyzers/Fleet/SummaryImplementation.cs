namespace K8sLandscape.Analyzers.Fleet;

/// <summary>One implementation at an extension point, as a landscape summary keeps it.</summary>
/// <param name="Id">The component id, or the descriptive id of an unrecognized extension.</param>
/// <param name="Name">Display name.</param>
/// <param name="Recognized">True when the catalog knows it.</param>
/// <param name="Versions">The distinct versions it runs, sorted; empty when none is known.</param>
/// <param name="Settings">What is configured about it that a second cluster may set otherwise (a CRD's served versions, a webhook's failure policy), sorted by key.</param>
public sealed record SummaryImplementation(string Id, string Name, bool Recognized, IReadOnlyList<string> Versions, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>The id and versions, as a matrix cell shows it: <c>calico 3.28.0</c>.</summary>
    public string Display => Versions.Count == 0 ? Id : Id + " " + string.Join(", ", Versions);

    /// <summary>Id, versions and settings in one string: two implementations with equal signatures are the same variant.</summary>
    public string Signature => Display + (Settings.Count == 0 ? string.Empty : " {" + string.Join("; ", Settings.Select(s => s.Key + "=" + s.Value)) + "}");
}
