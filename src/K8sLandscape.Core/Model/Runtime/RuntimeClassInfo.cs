using K8sLandscape.Loading;

namespace K8sLandscape.Model.Runtime;

/// <summary>A RuntimeClass (<c>node.k8s.io</c>): a name pods ask for, mapped to a handler on nodes.</summary>
/// <param name="Name">The RuntimeClass name (<c>spec.runtimeClassName</c> of pods).</param>
/// <param name="Handler">The CRI handler it selects.</param>
/// <param name="Overhead">Pod overhead (<c>overhead.podFixed</c>), resource name to quantity.</param>
/// <param name="NodeSelector">Scheduling node selector (<c>scheduling.nodeSelector</c>).</param>
/// <param name="Isolation">Isolation of the handler from the catalog, or null when unknown.</param>
/// <param name="ComponentId">The catalog component of the handler, or null.</param>
/// <param name="Object">The RuntimeClass object.</param>
/// <param name="Location">Where <c>handler</c> is written.</param>
public sealed record RuntimeClassInfo(
    string Name,
    string Handler,
    IReadOnlyDictionary<string, string> Overhead,
    IReadOnlyDictionary<string, string> NodeSelector,
    string? Isolation,
    string? ComponentId,
    KubeObject Object,
    SourceSpan Location);
