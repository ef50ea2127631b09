using K8sLandscape.Loading;

namespace K8sLandscape.Model.Runtime;

/// <summary>An OCI runtime handler configured in a CRI engine's configuration file.</summary>
/// <param name="Name">The handler name RuntimeClasses refer to (<c>runc</c>, <c>kata</c>, <c>runsc</c>).</param>
/// <param name="Engine">The engine whose configuration declares it: <c>containerd</c> or <c>cri-o</c>.</param>
/// <param name="RuntimeType">containerd's <c>runtime_type</c> (<c>io.containerd.kata.v2</c>) or CRI-O's (<c>oci</c>, <c>vm</c>), or null.</param>
/// <param name="RuntimePath">CRI-O's <c>runtime_path</c>, or null.</param>
/// <param name="IsDefault">True when the configuration names it the default runtime.</param>
/// <param name="ConfigVersion">containerd's configuration <c>version</c> (1, 2 or 3), or null for CRI-O.</param>
/// <param name="Isolation">Isolation from the catalog: <c>shared-kernel</c>, <c>vm-sandbox</c>, <c>user-space-kernel</c>, or null when unknown.</param>
/// <param name="ComponentId">The catalog component the handler belongs to, or null.</param>
/// <param name="Config">The configuration document.</param>
/// <param name="Location">Where the handler's table starts.</param>
public sealed record RuntimeHandler(
    string Name,
    string Engine,
    string? RuntimeType,
    string? RuntimePath,
    bool IsDefault,
    int? ConfigVersion,
    string? Isolation,
    string? ComponentId,
    KubeObject Config,
    SourceSpan Location);
