using System.Text.Json;
using K8sLandscape.Loading;
using K8sLandscape.Model.Api;

namespace K8sLandscape.Analyzers.Rules.Api;

/// <summary>
/// KL5003: the same CRD is defined more than once with different content. Identical copies are
/// not reported; KL5006 leaves CRDs to this rule so one redefinition is one finding.
/// </summary>
internal sealed class CrdRedefinitionAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL5003",
        "The same CRD is defined more than once with different content",
        "CustomResourceDefinition '{0}' is defined {1} times with different {2}: {3}; only the copy applied last takes effect",
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
        change is rejected outright because `spec.scope` is immutable. Reported once per CRD with
        every copy; identical copies are harmless and not reported (KL5006 does not report CRDs).
        """,
        """
        Install each CRD from one place: pick the project that owns the API group, remove the copy
        from the other chart (most charts have a `crds.enabled`/`installCRDs` switch), and make the
        version you keep a superset of what every consumer needs.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        // Crds are sorted by name, then location: copies of one CRD are adjacent.
        var crds = context.Landscape.Api.Crds;
        for (var start = 0; start < crds.Count;)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var end = start + 1;
            while (end < crds.Count && string.Equals(crds[end].Name, crds[start].Name, StringComparison.Ordinal)) end++;
            if (end - start > 1) Check(context, crds.Skip(start).Take(end - start).ToArray());
            start = end;
        }
    }

    private static void Check(AnalysisContext context, CrdInfo[] copies)
    {
        var variants = SemanticComparison.Variants(copies.Select(c => c.Object).ToArray());
        if (variants.Count < 2) return;
        var reps = variants.Select(v => copies.First(c => ReferenceEquals(c.Object, v[0]))).ToArray();

        var aspects = new List<string>();
        if (reps.Select(VersionsText).Distinct(StringComparer.Ordinal).Count() > 1) aspects.Add("versions");
        if (reps.Skip(1).Any(r => SchemasDiffer(reps[0], r))) aspects.Add("schemas");
        if (reps.Select(r => r.Scope).Distinct().Count() > 1) aspects.Add("scope");
        var rest = reps.Skip(1)
            .SelectMany(r => SemanticComparison.Differences(reps[0].Object, r.Object, 50))
            .Select(Aspect)
            .Where(a => a is not null && !aspects.Contains(a))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        aspects.AddRange(rest!);
        if (aspects.Count == 0) aspects.Add("content");

        var ordered = copies.OrderBy(c => c.Object.Location).ToArray();
        var parties = ordered.Select(c => $"{ClaimParties.Where(c.Object.Location)} ({VersionsText(c)}; {c.Scope})").ToArray();
        context.Report(Descriptor, ordered[0].Object, null, ordered.Skip(1).Select(c => c.Object),
            ordered[0].Name, copies.Length, ClaimParties.Join(aspects), ClaimParties.Join(parties));
    }

    private static string VersionsText(CrdInfo crd) =>
        "versions " + (crd.Versions.Count == 0 ? "none" : string.Join(", ", crd.Versions.Select(v =>
            v.Name + (v.Served ? string.Empty : " (not served)") + (v.Storage ? " (storage)" : string.Empty))));

    // Versions both copies declare are compared by name; v1beta1 CRDs keep one schema in spec.validation.
    private static bool SchemasDiffer(CrdInfo a, CrdInfo b)
    {
        if (DiffersAt(a.Object.Body, b.Object.Body, "spec", "validation")) return true;
        foreach (var va in a.Versions)
        {
            var vb = b.Versions.FirstOrDefault(v => string.Equals(v.Name, va.Name, StringComparison.Ordinal));
            if (vb is null) continue;
            if (a.Object.TryGet(va.Path, out var ea) && b.Object.TryGet(vb.Path, out var eb) && DiffersAt(ea, eb, "schema")) return true;
        }

        return false;
    }

    private static bool DiffersAt(JsonElement a, JsonElement b, params string[] path)
    {
        var x = Descend(a, path);
        var y = Descend(b, path);
        if (x is null || y is null) return x.HasValue != y.HasValue;
        return SemanticComparison.Differences(x.Value, y.Value, 1, "x").Count > 0;
    }

    private static JsonElement? Descend(JsonElement e, string[] path)
    {
        foreach (var p in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(p, out e)) return null;
        }

        return e;
    }

    private static string? Aspect(string path) => path switch
    {
        _ when path.StartsWith("spec.validation", StringComparison.Ordinal) || path.StartsWith("spec.scope", StringComparison.Ordinal) => null,
        _ when path.StartsWith("spec.versions", StringComparison.Ordinal) => path.Contains(".schema", StringComparison.Ordinal) ? null : "versions",
        _ when path.StartsWith("spec.names", StringComparison.Ordinal) => "names",
        _ when path.StartsWith("spec.conversion", StringComparison.Ordinal) => "conversion",
        _ when path.StartsWith("metadata", StringComparison.Ordinal) => "metadata",
        _ when path.StartsWith("apiVersion", StringComparison.Ordinal) => "apiVersion",
        _ => "other fields",
    };
}
