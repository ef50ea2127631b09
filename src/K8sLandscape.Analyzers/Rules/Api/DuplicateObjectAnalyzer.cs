using K8sLandscape.Loading;
using K8sLandscape.Model.Api;

namespace K8sLandscape.Analyzers.Rules.Api;

/// <summary>
/// KL5006: the same object (group, kind, namespace, name) is defined more than once with different
/// content. CRDs are KL5003's and APIServices whose copies name different backends are KL5004's, so
/// each conflict is reported once.
/// </summary>
internal sealed class DuplicateObjectAnalyzer : LandscapeAnalyzer
{
    private const int MaxFields = 3;

    public static RuleDescriptor Descriptor { get; } = new(
        "KL5006",
        "The same object is defined more than once with different content",
        "{0} is defined {1} times with different content (first differences: {2}): {3}; the copy applied last silently replaces the others",
        RuleCategory.Api,
        DiagnosticSeverity.Error,
        """
        The API server knows one object per group, kind, namespace and name. Two documents that
        define it are two competing versions of the truth: `kubectl apply` of both applies them in
        order and the last wins (its three-way merge even drops fields only the first one set), Helm
        refuses to install a release that would adopt an object owned by another release ("invalid
        ownership metadata"), and GitOps controllers (Argo CD, Flux) that own the two copies fight,
        re-applying each other's version on every sync. Which copy wins depends on file order, so the
        cluster's configuration depends on how the input happened to be assembled.

        Copies are compared as the API server stores them: key order does not matter, an explicit
        null equals an absent field, and the fields the server writes itself
        (`metadata.resourceVersion`, `uid`, `creationTimestamp`, `managedFields`, `generation`,
        `selfLink`) and `status` are ignored, so a cluster dump equals the manifest it came from.
        Identical copies are not reported. CustomResourceDefinitions are reported by KL5003 and
        APIServices whose copies point at different backends by KL5004 instead of here.
        """,
        """
        Keep one definition of the object. If two tools each need a setting in it, merge the settings
        into the one copy and remove the object from the other tool's manifests or chart values.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        foreach (var (reference, documents) in context.Landscape.Objects.Duplicates)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var copies = documents.Where(d => d.DocumentClass == DocumentClass.KubernetesObject).OrderBy(d => d.Location).ToArray();
            if (copies.Length < 2 || IsOtherRules(reference, copies)) continue;
            var variants = SemanticComparison.Variants(copies);
            if (variants.Count < 2) continue;

            var first = copies[0];
            var fields = variants.Skip(1)
                .SelectMany(v => SemanticComparison.Differences(first, v[0], MaxFields))
                .Distinct(StringComparer.Ordinal)
                .Take(MaxFields)
                .ToArray();
            var parties = copies.Select(c => ClaimParties.Where(c.Location)).ToArray();
            context.Report(Descriptor, first, null, copies.Skip(1), reference.ToString(), copies.Length, string.Join(", ", fields), ClaimParties.Join(parties));
        }
    }

    private static bool IsOtherRules(ObjectRef reference, KubeObject[] copies)
    {
        if (reference is { Group: "apiextensions.k8s.io", Kind: "CustomResourceDefinition" }) return true;
        if (reference is not { Group: "apiregistration.k8s.io", Kind: "APIService" }) return false;
        return copies.Select(c => ApiServiceInfo.From(c)?.Service?.ToString() ?? "local").Distinct(StringComparer.Ordinal).Count() > 1;
    }
}
