using K8sLandscape.Loading;

namespace K8sLandscape.Model.Lifecycle;

/// <summary>
/// One installation of a recognized component: its workloads that belong together because they share
/// a namespace and an instance (a Helm release, or the <c>app.kubernetes.io/instance</c> label), each
/// with the role it plays. Rules that ask "is this installed twice?" count installations, never
/// workloads: a controller, its webhook server and its node agent are three roles of one installation.
/// </summary>
public sealed record Installation
{
    /// <summary>The catalog component id.</summary>
    public required string ComponentId { get; init; }

    /// <summary>The component's display name.</summary>
    public required string ComponentName { get; init; }

    /// <summary>The namespace its workloads run in, or null for an installation without namespaced workloads.</summary>
    public string? Namespace { get; init; }

    /// <summary>
    /// The instance that tells two installations in one namespace apart: the Helm release
    /// (<c>meta.helm.sh/release-name</c>), else <c>app.kubernetes.io/instance</c>, else the older
    /// <c>release</c> label; null when the objects carry none.
    /// </summary>
    public string? Instance { get; init; }

    /// <summary>Where <see cref="Instance"/> came from: <c>helm-release</c>, <c>instance-label</c>, <c>release-label</c>, or null.</summary>
    public string? InstanceSource { get; init; }

    /// <summary>The <c>app.kubernetes.io/part-of</c> value its workloads share, or null.</summary>
    public string? PartOf { get; init; }

    /// <summary>The workloads of this installation with their roles, in location order.</summary>
    public IReadOnlyList<InstalledWorkload> Workloads { get; init; } = [];

    /// <summary>Workloads that run the same role more than once inside this installation (two controllers of one release), in location order.</summary>
    public IReadOnlyList<InstalledWorkload> RepeatedRoles =>
        Workloads.GroupBy(w => w.Role, StringComparer.Ordinal).Where(g => g.Count() > 1).SelectMany(g => g).OrderBy(w => w.Workload.Object.Location).ToArray();

    /// <summary>The distinct roles, sorted.</summary>
    public IReadOnlyList<string> Roles => Workloads.Select(w => w.Role).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The object that stands for the installation in findings: its first workload.</summary>
    public KubeObject Representative => Workloads[0].Workload.Object;

    /// <summary>A stable key: <c>component/namespace/instance</c> (empty parts for absent values).</summary>
    public string Key => $"{ComponentId}/{Namespace}/{Instance}";

    /// <summary>Human-readable identity, e.g. <c>cert-manager in cert-manager (release cm)</c>.</summary>
    public string Describe()
    {
        var where = Namespace is null ? "cluster scope" : "namespace " + Namespace;
        return Instance is null ? $"{ComponentName} in {where}" : $"{ComponentName} in {where} (instance {Instance})";
    }
}
