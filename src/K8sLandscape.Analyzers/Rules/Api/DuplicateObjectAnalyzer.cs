using K8sLandscape.Loading;
using K8sLandscape.Model.Api;

namespace K8sLandscape.Analyzers.Rules.Api;

/// <summary>
/// KL5006: the same object (group, kind, namespace, name) is defined more than once with different
/// content, weighed by what the API server acts on (see <see cref="ObjectComparison"/>). CRDs are
/// KL5003's and APIServices whose copies name different backends are KL5004's, so each conflict is
/// reported once.
/// </summary>
internal sealed class DuplicateObjectAnalyzer : LandscapeAnalyzer
{
    private const int MaxFields = 3;

    public static RuleDescriptor Descriptor { get; } = new(
        "KL5006",
        "The same object is defined more than once with different content",
        "{0} is defined {1} times {2}: {3}; {4}",
        RuleCategory.Api,
        DiagnosticSeverity.Error,
        """
        The API server knows one object per group, kind, namespace and name. Two documents that
        define it are two competing versions of the truth: `kubectl apply` of both applies them in
        order and the last wins (its three-way merge even drops fields only the first one set), Helm
        refuses to install a release that would adopt an object owned by another release ("invalid
        ownership metadata"), and GitOps controllers (Argo CD, Flux) that own the two copies fight,
        re-applying each other's version on every sync. Which copy wins depends on file order, so the
        cluster's configuration depends on how the input happened to be assembled. Where the field
        that differs is immutable (an IngressClass's `spec.controller`, a StorageClass's
        `provisioner` and `parameters`, a workload's `spec.selector`), the second apply fails outright.

        Copies are compared by what the API server acts on, and the finding's severity follows the
        weight of the difference:
        - **error**: they differ in effect (spec, rules, data, ...). Key order, quoting, whitespace,
          an explicit null versus an absent field, the fields the server writes itself
          (`metadata.resourceVersion`, `uid`, `creationTimestamp`, `managedFields`, `generation`,
          `selfLink`) and `status` never count, so a cluster dump equals the manifest it came from.
        - **warning**: they differ only in labels or annotations. The server acts the same on either
          copy, but these fields say who owns the object (Helm's `meta.helm.sh/release-name`, Argo
          CD's and Flux's tracking labels), so the tools that own the copies will fight over it.
        - **info**: they differ only in the order of lists the server treats as sets (the rules of a
          Role or ClusterRole and the verbs, groups, resources and names in each rule).
        Identical copies are not reported, and one object is one finding however many copies there
        are (three install variants of one add-on in a folder give one finding per object that
        really differs). CustomResourceDefinitions are reported by KL5003 and APIServices whose
        copies point at different backends by KL5004 instead of here.
        """,
        """
        Keep one definition of the object. If two tools each need a setting in it, merge the settings
        into the one copy and remove the object from the other tool's manifests or chart values.
        """);

    // Fields the API server refuses to change once set: a second copy that differs there fails to apply.
    private static readonly Dictionary<(string Group, string Kind), string[]> Immutable = new()
    {
        [("networking.k8s.io", "IngressClass")] = ["spec.controller"],
        [("storage.k8s.io", "StorageClass")] = ["provisioner", "parameters", "reclaimPolicy", "volumeBindingMode"],
        [("apps", "Deployment")] = ["spec.selector"],
        [("apps", "DaemonSet")] = ["spec.selector"],
        [("apps", "StatefulSet")] = ["spec.selector"],
        [("batch", "Job")] = ["spec.selector", "spec.template"],
    };

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        foreach (var (reference, documents) in context.Landscape.Objects.Duplicates)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var copies = documents.Where(d => d.DocumentClass == DocumentClass.KubernetesObject).OrderBy(d => d.Location).ToArray();
            if (copies.Length < 2 || IsOtherRules(reference, copies)) continue;

            var first = copies[0];
            var comparisons = copies.Skip(1).Select(c => ObjectComparison.Compare(first, c, MaxFields)).ToArray();
            var severity = comparisons.Max(c => c.Severity);
            if (severity is not { } weight) continue;

            static string[] Union(IEnumerable<IReadOnlyList<string>> lists) => lists.SelectMany(l => l).Distinct(StringComparer.Ordinal).Take(MaxFields).ToArray();
            var (how, consequence) = weight switch
            {
                DiagnosticSeverity.Error => (
                    $"with different content (first differences: {string.Join(", ", Union(comparisons.Select(c => c.Effective)))})",
                    Consequence(reference, comparisons)),
                DiagnosticSeverity.Warning => (
                    $"differing only in labels or annotations ({string.Join(", ", Union(comparisons.Select(c => c.Ownership)))})",
                    "the API server acts the same on every copy, but these fields tell Helm, Argo CD and Flux who owns the object, so the tools that apply the copies will fight over it or refuse it"),
                _ => (
                    $"differing only cosmetically ({string.Join(", ", Union(comparisons.Select(c => c.Cosmetic)))})",
                    "the API server acts the same on every copy; keep one to end the noise in diffs"),
            };
            var parties = copies.Select(c => ClaimParties.Where(c.Location)).ToArray();
            context.Report(Finding.Create(Descriptor, first.Location, copies.Skip(1).Select(c => c.Location).ToArray(), first.Ref, weight, null, reference.ToString(), copies.Length, how, Parties.Join(parties), consequence));
        }
    }

    private static string Consequence(ObjectRef reference, ObjectDifference[] comparisons)
    {
        if (Immutable.TryGetValue((reference.Group, reference.Kind), out var fields))
        {
            var hit = fields.Where(f => comparisons.Any(c => c.Effective.Any(p => p == f || p.StartsWith(f + ".", StringComparison.Ordinal) || p.StartsWith(f + "[", StringComparison.Ordinal)))).ToArray();
            if (hit.Length > 0) return $"{Parties.Join(hit)} cannot be changed once set, so applying the second copy fails";
        }

        return "the copy applied last silently replaces the others";
    }

    private static bool IsOtherRules(ObjectRef reference, KubeObject[] copies)
    {
        if (reference is { Group: "apiextensions.k8s.io", Kind: "CustomResourceDefinition" }) return true;
        if (reference is not { Group: "apiregistration.k8s.io", Kind: "APIService" }) return false;
        return copies.Select(c => ApiServiceInfo.From(c)?.Service?.ToString() ?? "local").Distinct(StringComparer.Ordinal).Count() > 1;
    }
}
