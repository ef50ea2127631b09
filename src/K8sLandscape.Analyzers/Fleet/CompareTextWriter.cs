namespace K8sLandscape.Analyzers.Fleet;

/// <summary>Writes a comparison for a person: per area, each differing extension point and what differs.</summary>
public static class CompareTextWriter
{
    /// <summary>Writes <paramref name="c"/> to <paramref name="o"/>.</summary>
    public static void Write(LandscapeComparison c, TextWriter o)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(o);
        o.WriteLine($"A: {c.A.Name} ({c.A.Source}, {c.A.ObjectCount} object(s), Kubernetes {c.A.KubernetesVersion})");
        o.WriteLine($"B: {c.B.Name} ({c.B.Source}, {c.B.ObjectCount} object(s), Kubernetes {c.B.KubernetesVersion})");
        o.WriteLine($"{c.Differences.Count} extension point(s) differ ({c.MustMatchViolations.Count} must match), {c.SamePoints} the same; findings only in A: {c.FindingsOnlyA.Count}, only in B: {c.FindingsOnlyB.Count}.");
        string? area = null;
        foreach (var d in c.Differences)
        {
            if (d.Area != area)
            {
                area = d.Area;
                o.WriteLine();
                o.WriteLine($"== {area}");
            }

            o.WriteLine($"  [{d.Name}]{(d.MustMatch ? "  <-- must match" : string.Empty)}");
            foreach (var i in d.OnlyA) o.WriteLine($"      only in A: {i.Display}");
            foreach (var i in d.OnlyB) o.WriteLine($"      only in B: {i.Display}");
            foreach (var ch in d.Changed)
            {
                o.WriteLine(ch.VersionChanged
                    ? $"      {ch.Id}: {FleetFormats.Versions(ch.VersionsA)} (A) -> {FleetFormats.Versions(ch.VersionsB)} (B)"
                    : $"      {ch.Id}: settings differ");
                foreach (var s in ch.Settings) o.WriteLine($"          {s.Key}: {FleetFormats.Value(s.A)} (A) -> {FleetFormats.Value(s.B)} (B)");
            }
        }

        WriteFindings(o, "findings only in A", c.FindingsOnlyA);
        WriteFindings(o, "findings only in B", c.FindingsOnlyB);
    }

    private static void WriteFindings(TextWriter o, string title, IReadOnlyList<SummaryFinding> findings)
    {
        if (findings.Count == 0) return;
        o.WriteLine();
        o.WriteLine($"== {title}");
        foreach (var f in findings) o.WriteLine($"  {f.RuleId} {f.Severity}: {f.Message}{(f.Subject is null ? string.Empty : " [" + f.Subject + "]")}");
    }
}
