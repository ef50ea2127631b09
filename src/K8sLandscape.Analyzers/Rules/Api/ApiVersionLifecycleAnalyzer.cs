using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Api;
using K8sLandscape.Model.Api.BuiltIn;

namespace K8sLandscape.Analyzers.Rules.Api;

/// <summary>
/// KL5007: an object uses an API version the target Kubernetes version no longer serves (error) or
/// has deprecated (warning): built-in versions from the deprecation guide, custom resources from
/// their CRD's own <c>deprecated</c> and <c>served</c> flags.
/// </summary>
internal sealed class ApiVersionLifecycleAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL5007",
        "Object uses a removed or deprecated API version",
        "{0} uses apiVersion {1}, which {2}; {3}",
        RuleCategory.Api,
        DiagnosticSeverity.Error,
        """
        Kubernetes removes beta API versions on a published schedule (the Deprecated API Migration
        Guide): `extensions/v1beta1` Deployments and DaemonSets stopped being served in 1.16,
        `storage.k8s.io/v1beta1` StorageClasses and CSIDrivers in 1.22, `policy/v1beta1`
        PodSecurityPolicy in 1.25. Once a version is removed the API server answers `no matches for
        kind "Deployment" in version "extensions/v1beta1"`: `kubectl apply` fails, Helm upgrades fail
        (and a release whose stored manifest uses the removed version cannot even be upgraded
        without `helm mapkubeapis`), and GitOps syncs stop. A deprecated version still works but
        returns a warning header, and it will be removed. Custom resources follow their CRD: a
        version marked `deprecated: true` warns on every request, and one with `served: false` is
        rejected.

        The target release is the configuration's `kubernetesVersion` (default: the newest release
        the library knows). Removed versions are reported as errors, deprecated ones as warnings.
        """,
        """
        Change `apiVersion` to the replacement named in the finding and check the fields that
        changed between versions (for example `spec.selector` became required in `apps/v1`).
        Converting a whole folder: `kubectl convert` (plugin) or `helm mapkubeapis` for releases.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var target = context.KubernetesVersion;
        var crdsByGroupKind = new Dictionary<GroupKind, CrdInfo>();
        foreach (var crd in context.Landscape.Api.Crds)
        {
            // Crds are sorted by name, then location: the first copy of a redefined CRD decides.
            crdsByGroupKind.TryAdd(new GroupKind(crd.Group, crd.Names.Kind), crd);
        }

        var builtIn = new Dictionary<GroupVersionKind, ApiLifecycle>();
        var objects = context.Landscape.Objects.All;
        for (var i = 0; i < objects.Count; i++)
        {
            if ((i & 1023) == 0) context.CancellationToken.ThrowIfCancellationRequested();
            var o = objects[i];
            if (o.DocumentClass != DocumentClass.KubernetesObject || o.Kind.Length == 0) continue;
            if (crdsByGroupKind.TryGetValue(o.Gvk.GroupKind, out var crd)) CheckCustom(context, o, crd);
            else CheckBuiltIn(context, o, target, builtIn);
        }
    }

    private static void CheckBuiltIn(AnalysisContext context, KubeObject o, KubernetesVersion target, Dictionary<GroupVersionKind, ApiLifecycle> cache)
    {
        if (!cache.TryGetValue(o.Gvk, out var life)) cache[o.Gvk] = life = ApiLifecycleTable.Lookup(o.Gvk, target);
        if (life.Entry is not { } e || life.Status is not (ApiLifecycleStatus.Removed or ApiLifecycleStatus.Deprecated)) return;

        var removed = life.Status == ApiLifecycleStatus.Removed;
        var status = removed
            ? $"Kubernetes {e.RemovedIn} no longer serves (deprecated in {e.DeprecatedIn}; target {target})"
            : $"Kubernetes {e.DeprecatedIn} deprecated" + (e.RemovedIn is { } r ? $" and {r} removes" : string.Empty) + $" (target {target})";
        var fix = e.ReplacementApiVersion is { } repl
            ? $"use {repl}" + (e.ReplacementKind is { } k ? $" kind {k}" : string.Empty)
            : e.Note ?? "it has no replacement";
        context.Report(Finding.Create(Descriptor, o.LocationOf("apiVersion"), null, o.Ref, removed ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, null, Subject(o), o.ApiVersion, status, fix));
    }

    private static void CheckCustom(AnalysisContext context, KubeObject o, CrdInfo crd)
    {
        var version = crd.Versions.FirstOrDefault(v => string.Equals(v.Name, o.Version, StringComparison.Ordinal));

        // A version the CRD does not list at all is more likely a copy of another release of the
        // CRD than a removal; only what the CRD itself says is reported.
        if (version is null || (version.Served && !version.Deprecated)) return;
        var removed = !version.Served;
        var replacement = crd.Versions
            .Where(v => v.Served && !v.Deprecated)
            .Select(v => v.Name)
            .OrderBy(v => v, ApiVersionOrder.Instance)
            .FirstOrDefault();
        var status = removed
            ? $"its CustomResourceDefinition {crd.Name} no longer serves (served: false)"
            : $"its CustomResourceDefinition {crd.Name} marks deprecated" + (version.DeprecationWarning is { Length: > 0 } w ? $" (\"{w}\")" : string.Empty);
        var fix = replacement is null ? "the CRD serves no other version" : $"use {crd.Group}/{replacement}";
        context.Report(Finding.Create(Descriptor, o.LocationOf("apiVersion"), [crd.LocationOf(version.Path)], o.Ref, removed ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, null, Subject(o), o.ApiVersion, status, fix));
    }

    private static string Subject(KubeObject o) => $"{o.Kind} '{(o.Namespace is null ? o.Name : o.Namespace + "/" + o.Name)}' ({ClaimParties.Where(o.Location)})";
}
