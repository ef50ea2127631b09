using System.Globalization;
using K8sLandscape.Analyzers.Rules.Lifecycle;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Rules.Layers;

/// <summary>KL8005: extension sprawl, for the inventory's fragmentation index.</summary>
internal sealed class ExtensionSprawlAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL8005",
        "Extension sprawl: several implementations of one extension point, or many CRDs",
        "{0}",
        RuleCategory.Layers,
        DiagnosticSeverity.Info,
        """
        Every extension point Kubernetes offers (pod networking, dynamic provisioning, admission, an
        extended resource, a piece of software an operator provides) can be implemented more than
        once, and every CRD adds a kind the API server serves beside its built-in ones. Each extra
        implementation is another controller to upgrade, another set of RBAC rules and webhooks in
        the request path, and another place where two extensions can disagree; the conflict rules
        report the combinations known to break. This rule only measures: one finding per extension
        point with more than one implementation (property `implementations`, the count, and
        `extensionPoint`), and one finding with the number of distinct CRDs against the number of
        built-in kinds of the target Kubernetes version (properties `crds` and `builtInKinds`;
        `outnumbered` is `true` when the CRDs are more). Reports use them for a fragmentation index
        of the cluster. Several implementations can be deliberate (CSI drivers for different
        storage), which is why this is informational.

        The rule is opt-in, because it describes every multi-implementation point of every cluster
        rather than a problem: enable it (`rules: { KL8005: { enabled: true } }` in the
        configuration file, or `EnableRule("KL8005")`) when a report should carry the counts.
        """,
        """
        Nothing to fix as such. Review the extension points with the most implementations and
        retire the ones no workload uses.
        """,
        isEnabledByDefault: false);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var landscape = context.Landscape;
        foreach (var point in landscape.ExtensionPoints.OrderBy(p => p.Area, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (point.Implementations.Count < 2) continue;
            var parties = point.Implementations
                .Select(i => (Impl: i, First: i.Objects.Count > 0 ? i.Objects.MinBy(o => o.Location) : null))
                .OrderBy(p => p.First?.Location ?? SourceSpan.None)
                .ThenBy(p => p.Impl.Id, StringComparer.Ordinal)
                .ToArray();
            var located = parties.Where(p => p.First is not null).ToArray();
            var location = located.Length > 0 ? located[0].First!.Location : SourceSpan.None;
            var related = located.Skip(1).Select(p => p.First!.Location).ToArray();
            var properties = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["area"] = point.Area,
                ["extensionPoint"] = point.Name,
                ["implementations"] = point.Implementations.Count.ToString(CultureInfo.InvariantCulture),
            };
            var names = parties.Select(p => p.Impl.Name);
            context.Report(Finding.Create(Descriptor, location, related, located.Length > 0 ? located[0].First!.Ref : null, null, properties, $"Extension point '{point.Name}' ({point.Area}) has {point.Implementations.Count} implementations: {Parties.Join(names)}"));
        }

        var crds = landscape.Api.Crds.OrderBy(c => c.Object.Location).DistinctBy(c => c.Name, StringComparer.Ordinal).ToArray();
        if (crds.Length == 0) return;
        var builtInKinds = landscape.Api.BuiltIn.Resources.Select(r => r.GroupKind).Distinct().Count();
        var outnumbered = crds.Length > builtInKinds;
        var crdProperties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["crds"] = crds.Length.ToString(CultureInfo.InvariantCulture),
            ["builtInKinds"] = builtInKinds.ToString(CultureInfo.InvariantCulture),
            ["outnumbered"] = outnumbered ? "true" : "false",
        };
        context.Report(Finding.Create(Descriptor, crds[0].Object.Location, null, null, null, crdProperties, $"{crds.Length} CustomResourceDefinitions extend the API beside {builtInKinds} built-in kinds of Kubernetes {landscape.Api.BuiltIn.Version}" + (outnumbered ? "; the custom kinds outnumber the built-in ones" : string.Empty)));
    }
}
