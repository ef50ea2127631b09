using K8sLandscape.Json;
using System.Text.Json;
using K8sLandscape.Loading;
using K8sLandscape.Model.Api;
using K8sLandscape.Model.Workloads;

namespace K8sLandscape.Model.Lifecycle;

/// <summary>
/// The lifecycle extension surface: who installs and manages what. Helm releases and the objects
/// they claim, other managers (<c>app.kubernetes.io/managed-by</c>, server-side apply field
/// managers), operators, OLM and OAM/KubeVela.
/// </summary>
public sealed class LifecycleSurface
{
    internal LifecycleSurface()
    {
    }

    /// <summary>Helm releases, sorted by namespace, then name.</summary>
    public IReadOnlyList<HelmRelease> HelmReleases { get; internal init; } = [];

    /// <summary>Objects claimed by more than one Helm release, sorted by object.</summary>
    public IReadOnlyList<HelmOwnershipConflict> HelmConflicts { get; internal init; } = [];

    /// <summary>Objects by their <c>app.kubernetes.io/managed-by</c> label value (each list in input order).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<KubeObject>> ManagedBy { get; internal init; } = new Dictionary<string, IReadOnlyList<KubeObject>>();

    /// <summary>Objects by server-side apply field manager (<c>metadata.managedFields[].manager</c>, each list in input order).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<KubeObject>> FieldManagers { get; internal init; } = new Dictionary<string, IReadOnlyList<KubeObject>>();

    /// <summary>Objects whose <c>metadata.managedFields</c> has two or more entries, in input order.</summary>
    public IReadOnlyList<ManagedFieldsRecord> ManagedFields { get; internal init; } = [];

    /// <summary>Operators, sorted by component id.</summary>
    public IReadOnlyList<OperatorInfo> Operators { get; internal init; } = [];

    /// <summary>
    /// Installations of recognized components: their workloads grouped by namespace and instance,
    /// each with its role; sorted by component id, then location. Count these, not workloads, to
    /// tell whether something is installed twice.
    /// </summary>
    public IReadOnlyList<Installation> Installations { get; internal init; } = [];

    /// <summary>The installations of one component, in location order.</summary>
    public IEnumerable<Installation> InstallationsOf(string componentId) =>
        Installations.Where(i => string.Equals(i.ComponentId, componentId, StringComparison.Ordinal));

    /// <summary>OLM objects.</summary>
    public OlmInventory Olm { get; internal init; } = new();

    /// <summary>OAM/KubeVela objects.</summary>
    public OamInventory Oam { get; internal init; } = new();

    /// <summary>The extension points: <c>provides:&lt;thing&gt;</c> for every provided thing, and <c>helm-releases</c>.</summary>
    public IReadOnlyList<ExtensionPoint> ExtensionPoints { get; internal init; } = [];

    /// <summary>The Helm release with this namespace and name, or null.</summary>
    public HelmRelease? HelmRelease(string? namespaceName, string name) =>
        HelmReleases.FirstOrDefault(r => string.Equals(r.Namespace, namespaceName, StringComparison.Ordinal) && string.Equals(r.Name, name, StringComparison.Ordinal));

    /// <summary>The operators that provide a thing, e.g. <c>kafka</c>.</summary>
    public IEnumerable<OperatorInfo> OperatorsProviding(string thing) => Operators.Where(o => o.Provides.Contains(thing, StringComparer.Ordinal));
}
