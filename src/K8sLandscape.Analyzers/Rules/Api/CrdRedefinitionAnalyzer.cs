using K8sLandscape.Loading;
using K8sLandscape.Model.Api;

namespace K8sLandscape.Analyzers.Rules.Api;

/// <summary>
/// KL5003: the same CRD is defined more than once with different content. Identical copies are
/// not reported; KL5006 leaves CRDs to this rule so one redefinition is one finding, and the CRDs of
/// one bundle shipped at two releases are one finding too.
/// </summary>
internal sealed class CrdRedefinitionAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL5003",
        "The same CRD is defined more than once with different content",
        "{0} is defined {1} times, {2}: {3}; {4}",
        RuleCategory.Api,
        DiagnosticSeverity.Error,
        """
        A CustomResourceDefinition is one cluster-wide object named `<plural>.<group>`. When two
        charts or bundles ship it (Gateway API routes vendored by several ingress controllers,
        Calico's operator and manifest installs, a project's CRDs at two releases), whichever is
        applied last replaces the other: `kubectl apply` overwrites it, Helm refuses the second
        release ("resource ... exists and cannot be imported into the current release: invalid
        ownership metadata") or, with `--force`/`--take-ownership`, takes it over, and OLM marks the
        second operator's install plan failed. If the copies differ in versions, schema or scope the
        result is worse than a refusal: a version one controller needs stops being served, the schema
        prunes fields one controller writes (they silently disappear on the next write), or a scope
        change is rejected outright because `spec.scope` is immutable.

        Copies are compared by what the API server acts on, and the severity follows the weight of
        the difference:
        - **error**: served and stored versions, schemas, scope, names, conversion or any other
          field the server acts on differ.
        - **warning**: only labels or annotations differ (a bundle-version annotation, Helm's release
          annotations): the server serves the same API from either copy, but the tools that apply the
          copies disagree about who owns the CRD.
        - **info**: only cosmetics differ: schema and printer-column descriptions, or the order of
          lists the server reads as sets (`required`, `enum` and `x-kubernetes-list-map-keys` in a
          schema, `shortNames`, `categories`, and `versions`, which the server orders by version
          name, not by position). Key order, quoting and whitespace never count.

        One root cause is one finding: copies of several CRDs that come from the same two places (two
        releases of one bundle, as its `*/bundle-version`, `app.kubernetes.io/version`, `helm.sh/chart`
        or `*/release` label or annotation states, or two folders) are reported together, naming both
        sides and listing every affected CRD as a related location. Identical copies are harmless and
        not reported (KL5006 does not report CRDs).
        """,
        """
        Install each CRD from one place: pick the project that owns the API group, remove the copy
        from the other chart (most charts have a `crds.enabled`/`installCRDs` switch), and make the
        version you keep a superset of what every consumer needs. For a bundle at two releases,
        upgrade the older consumer or install the bundle once at the newer release.
        """);

    private const int MaxPaths = 50;

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        // Crds are sorted by name, then location: copies of one CRD are adjacent.
        var crds = context.Landscape.Api.Crds;
        var redefinitions = new List<Redefinition>();
        for (var start = 0; start < crds.Count;)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var end = start + 1;
            while (end < crds.Count && string.Equals(crds[end].Name, crds[start].Name, StringComparison.Ordinal)) end++;
            if (end - start > 1 && Check(crds.Skip(start).Take(end - start).OrderBy(c => c.Object.Location).ToArray()) is { } r) redefinitions.Add(r);
            start = end;
        }

        // Redefinitions whose copies come from the same sides (bundle release and folder) share a root cause.
        foreach (var group in redefinitions.GroupBy(r => r.SidesKey, StringComparer.Ordinal).OrderBy(g => g.First().Copies[0].Object.Location))
        {
            var list = group.ToArray();
            if (list.Length == 1) ReportOne(context, list[0]);
            else ReportBundle(context, list);
        }
    }

    private static void ReportOne(AnalysisContext context, Redefinition r)
    {
        var parties = r.Copies.Select(c => $"{ClaimParties.Where(c.Object.Location)} ({VersionsText(c)}; {c.Scope})").ToArray();
        context.Report(Finding.Create(Descriptor, r.Copies[0].Object.Location, r.Copies.Skip(1).Select(c => c.Object.Location).ToArray(), r.Copies[0].Object.Ref, r.Severity, null, $"CustomResourceDefinition '{r.Copies[0].Name}'", r.Copies.Length, r.How, Parties.Join(parties), Consequence(r.Severity, single: true)));
    }

    private static void ReportBundle(AnalysisContext context, Redefinition[] list)
    {
        var severity = list.Max(r => r.Severity);
        var primary = list[0].Copies[0].Object;
        var related = list.SelectMany(r => r.Copies).Select(c => c.Object.Location).Where(l => l != primary.Location).Distinct().Order().ToArray();
        var sides = list[0].Sides;
        var what = $"from {Parties.Join(sides)}";
        var each = list.Select(r => $"{r.Copies[0].Name} ({r.How})").ToArray();
        context.Report(Finding.Create(Descriptor, primary.Location, related, primary.Ref, severity, null, $"A bundle of {list.Length} CustomResourceDefinitions", list.Max(r => r.Copies.Length), what, string.Join(", ", each), Consequence(severity, single: false)));
    }

    private static string Consequence(DiagnosticSeverity severity, bool single) => severity switch
    {
        DiagnosticSeverity.Error => single ? "only the copy applied last takes effect" : "only the copies applied last take effect, so a version or field one consumer needs can vanish",
        DiagnosticSeverity.Warning => "the API server serves the same API from every copy, but the tools that apply them disagree about who owns it",
        _ => "the API server acts the same on every copy",
    };

    private static Redefinition? Check(CrdInfo[] copies)
    {
        var first = copies[0];
        var comparisons = copies.Skip(1).Select(c => ObjectComparison.Compare(first.Object, c.Object, MaxPaths)).ToArray();
        if (comparisons.Max(c => c.Severity) is not { } severity) return null;

        string how;
        if (severity == DiagnosticSeverity.Error)
        {
            var aspects = new List<string>();
            if (copies.Select(VersionsText).Distinct(StringComparer.Ordinal).Count() > 1) aspects.Add("versions");
            if (copies.Skip(1).Any(r => ObjectComparison.SchemasDiffer(first, r))) aspects.Add("schemas");
            if (copies.Select(r => r.Scope).Distinct().Count() > 1) aspects.Add("scope");
            aspects.AddRange(comparisons.SelectMany(c => c.Effective).Select(Aspect).OfType<string>()
                .Where(a => !aspects.Contains(a)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());
            if (aspects.Count == 0) aspects.Add("content");
            how = "differing in " + Parties.Join(aspects);
        }
        else if (severity == DiagnosticSeverity.Warning)
        {
            how = "differing only in labels or annotations (" + string.Join(", ", comparisons.SelectMany(c => c.Ownership).Distinct(StringComparer.Ordinal).Take(3)) + ")";
        }
        else
        {
            how = "differing only cosmetically (" + string.Join(", ", comparisons.SelectMany(c => c.Cosmetic).Distinct(StringComparer.Ordinal).Take(3)) + ")";
        }

        // Variants of one add-on side by side in a folder are told apart by file.
        var sides = copies.Select(c => Side(c, byFile: false)).Distinct(StringComparer.Ordinal).ToArray();
        if (sides.Length < 2) sides = copies.Select(c => Side(c, byFile: true)).Distinct(StringComparer.Ordinal).ToArray();
        return new Redefinition(copies, severity, how, sides, string.Join("\n", sides.Order(StringComparer.Ordinal)));
    }

    // Where a copy comes from: its folder (or file) and, when stated, the bundle release.
    private static string Side(CrdInfo crd, bool byFile)
    {
        var path = crd.Object.Location.Path;
        var where = !byFile && Path.GetDirectoryName(path) is { Length: > 0 } d ? d : path;
        return crd.Bundle is { } b ? $"{b} ({where})" : $"{where} (no bundle version)";
    }

    private static string VersionsText(CrdInfo crd) =>
        "versions " + (crd.Versions.Count == 0 ? "none" : string.Join(", ", crd.Versions.Select(v =>
            v.Name + (v.Served ? string.Empty : " (not served)") + (v.Storage ? " (storage)" : string.Empty))));

    private static string? Aspect(string path) => path switch
    {
        _ when path.StartsWith("spec.validation", StringComparison.Ordinal) || path.StartsWith("spec.scope", StringComparison.Ordinal) => null,
        _ when path.StartsWith("spec.versions", StringComparison.Ordinal) => path.Contains(".schema", StringComparison.Ordinal) ? null : "versions",
        _ when path.StartsWith("spec.names", StringComparison.Ordinal) => "names",
        _ when path.StartsWith("spec.conversion", StringComparison.Ordinal) => "conversion",
        _ when path.StartsWith("spec.preserveUnknownFields", StringComparison.Ordinal) => "field pruning",
        _ when path.StartsWith("apiVersion", StringComparison.Ordinal) => "apiVersion",
        _ => "other fields",
    };

    private sealed record Redefinition(CrdInfo[] Copies, DiagnosticSeverity Severity, string How, string[] Sides, string SidesKey);
}
