using K8sLandscape.Loading;
using k8s.Models;

namespace K8sLandscape.Model.Api;

/// <summary>
/// An APIService (<c>apiregistration.k8s.io</c>): one group/version served either by kube-apiserver
/// itself (local) or by an aggregated API server behind a Service.
/// </summary>
public sealed record ApiServiceInfo
{
    /// <summary>The APIService object.</summary>
    public required KubeObject Object { get; init; }

    /// <summary><c>metadata.name</c>, normally <c>version.group</c>.</summary>
    public string Name => Object.Name;

    /// <summary>The API group (<c>spec.group</c>, else taken from the name).</summary>
    public required string Group { get; init; }

    /// <summary>The version (<c>spec.version</c>, else taken from the name).</summary>
    public required string Version { get; init; }

    /// <summary>The Service that serves it, or null when kube-apiserver serves it locally.</summary>
    public ServiceReference? Service { get; init; }

    /// <summary><c>spec.groupPriorityMinimum</c>.</summary>
    public int? GroupPriorityMinimum { get; init; }

    /// <summary><c>spec.versionPriority</c>.</summary>
    public int? VersionPriority { get; init; }

    /// <summary><c>spec.insecureSkipTLSVerify</c>.</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>The id of the catalog component that owns the group, or null.</summary>
    public string? ComponentId { get; init; }

    /// <summary>True when kube-apiserver serves the group/version itself (no Service).</summary>
    public bool IsLocal => Service is null;

    /// <summary><c>group/version</c> (just <c>version</c> for the core group).</summary>
    public string GroupVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    /// <summary>The location of <c>spec.service</c>, or of the object when local.</summary>
    public SourceSpan Location => Object.LocationOf(IsLocal ? "spec" : "spec.service");

    /// <summary>Reads an APIService object; null when it cannot be read as one.</summary>
    public static ApiServiceInfo? From(KubeObject obj, string? componentId = null)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (!obj.TryAs<V1APIService>(out var api, out _)) return null;
        var spec = api.Spec;
        var (nameVersion, nameGroup) = SplitName(obj.Name);
        var svc = spec?.Service;
        return new ApiServiceInfo
        {
            Object = obj,
            Group = spec?.Group ?? nameGroup,
            Version = spec?.Version ?? nameVersion,
            Service = svc is null ? null : new ServiceReference(svc.NamespaceProperty ?? string.Empty, svc.Name ?? string.Empty, null, svc.Port),
            GroupPriorityMinimum = spec?.GroupPriorityMinimum,
            VersionPriority = spec?.VersionPriority,
            InsecureSkipTlsVerify = spec?.InsecureSkipTLSVerify ?? false,
            ComponentId = componentId,
        };
    }

    // 'v1.apps' → (v1, apps); 'v1.' style names of the core group leave the group empty.
    private static (string Version, string Group) SplitName(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (name, string.Empty) : (name[..dot], name[(dot + 1)..]);
    }
}
