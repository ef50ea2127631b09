using K8sLandscape.Loading;
using K8sLandscape.Model.Lifecycle;

namespace K8sLandscape.Analyzers.Rules.Lifecycle;

/// <summary>KL7003: an object claimed by two Helm releases, or by Helm and another manager.</summary>
internal sealed class HelmOwnershipConflictAnalyzer : LandscapeAnalyzer
{
    private const string ManagedBy = "app.kubernetes.io/managed-by";

    public static RuleDescriptor Descriptor { get; } = new(
        "KL7003",
        "An object is claimed by two Helm releases, or by Helm and another manager",
        "{0} is claimed by {1}",
        RuleCategory.Lifecycle,
        DiagnosticSeverity.Error,
        """
        Helm records which release owns an object in its metadata: the annotations
        `meta.helm.sh/release-name` and `meta.helm.sh/release-namespace` and the label
        `app.kubernetes.io/managed-by: Helm` (older charts: `heritage` and `release` labels). Before it
        creates or adopts an object, Helm 3 checks that metadata; an object that exists with another
        owner fails the install or upgrade with "rendered manifests contain a resource that already
        exists. Unable to continue with install: … exists and cannot be imported into the current
        release: invalid ownership metadata". So:

        - two releases that render the same object (same group, kind, namespace and name): the
          second `helm install` fails, or, once someone forces the ownership annotations over, each
          `helm upgrade` of one release rewrites the other's object and `helm uninstall` of either
          deletes it from under the other;
        - an object Helm claims while another tool claims it too (`app.kubernetes.io/managed-by`
          naming kustomize, an operator or a GitOps controller, on the same document or on another
          document of the same object): Helm refuses to adopt it ("label validation error: key
          app.kubernetes.io/managed-by must equal Helm"), and while both keep applying it, they
          revert each other's changes.
        """,
        """
        Give every object exactly one owner: remove it from one chart (most charts have a value to
        skip a shared object, such as CRDs or a dashboard ConfigMap), or rename one copy. To hand an
        existing object to Helm deliberately, set its `app.kubernetes.io/managed-by: Helm` label and
        both `meta.helm.sh/*` annotations and stop applying it with the other tool.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        // Nearly every object Helm claims is its identity's only document and names no other
        // manager: nothing can be found on it, so only the others are kept (with their release)
        // and, when Helm's ownership metadata is on them, put in order to be looked at.
        var lifecycle = context.Landscape.Lifecycle;
        var objects = context.Landscape.Objects;
        var release = new Dictionary<KubeObject, HelmRelease>(ReferenceEqualityComparer.Instance);
        var contested = new List<(KubeObject Claimed, HelmRelease Owner)>();
        foreach (var r in lifecycle.HelmReleases)
        {
            foreach (var o in r.Objects)
            {
                if (objects.Find(o.Ref).Count < 2 && OtherManager(o) is null) continue;
                if (release.TryAdd(o, r) && HasOwnershipMetadata(o)) contested.Add((o, r));
            }
        }

        foreach (var conflict in lifecycle.HelmConflicts)
        {
            context.CancellationToken.ThrowIfCancellationRequested();

            // 'helm template' output applied with kubectl has no release: Helm never checks ownership of it.
            var docs = Parties.Ordered(conflict.Documents.Where(HasOwnershipMetadata));
            var releases = docs.Select(d => release.GetValueOrDefault(d)).OfType<HelmRelease>().Distinct().OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            if (releases.Count < 2) continue;
            var names = releases.Select(r => $"Helm release '{r}'");
            context.Report(Descriptor, docs[0], null, docs.Skip(1), conflict.Object, $"{releases.Count} Helm releases: {Parties.Join(names)}");
        }

        foreach (var (claimed, owner) in contested.OrderBy(p => p.Claimed.Location))
        {
            context.CancellationToken.ThrowIfCancellationRequested();

            // Only the first Helm document of an identity reports, so one object yields one finding.
            var same = objects.Find(claimed.Ref);
            if (same.Count > 1 && !ReferenceEquals(same.Where(o => release.ContainsKey(o) && HasOwnershipMetadata(o)).MinBy(o => o.Location), claimed)) continue;

            var others = same
                .Where(o => !release.ContainsKey(o) && OtherManager(o) is not null)
                .OrderBy(o => o.Location)
                .ToList();
            var ownLabel = OtherManager(claimed);
            if (others.Count == 0 && ownLabel is null) continue;

            var managers = new List<string>();
            if (ownLabel is not null) managers.Add($"'{ownLabel}' ({ManagedBy} on the same document)");
            managers.AddRange(others.Select(o => $"'{OtherManager(o)}' ({o.Location})"));
            var parties = new[] { claimed }.Concat(others).OrderBy(o => o.Location).ToArray();
            var location = ReferenceEquals(parties[0], claimed) && ownLabel is not null ? "metadata.labels" : null;
            context.Report(Descriptor, parties[0], location, parties.Skip(1), claimed.Ref, $"Helm release '{owner}' and {Parties.Join(managers)}");
        }
    }

    // Release annotations, or Helm's managed-by/heritage label: what 'helm install' writes and later checks.
    private static bool HasOwnershipMetadata(KubeObject o) =>
        o.Annotations.ContainsKey("meta.helm.sh/release-name")
        || o.Labels.TryGetValue(ManagedBy, out var m) && string.Equals(m, "Helm", StringComparison.OrdinalIgnoreCase)
        || o.Labels.TryGetValue("heritage", out var h) && (string.Equals(h, "Helm", StringComparison.OrdinalIgnoreCase) || string.Equals(h, "Tiller", StringComparison.OrdinalIgnoreCase));

    // The non-Helm manager an object's label names, or null.
    private static string? OtherManager(KubeObject o) =>
        o.Labels.TryGetValue(ManagedBy, out var m) && m.Length > 0 && !string.Equals(m, "Helm", StringComparison.OrdinalIgnoreCase) && !string.Equals(m, "Tiller", StringComparison.OrdinalIgnoreCase)
            ? m
            : null;
}
