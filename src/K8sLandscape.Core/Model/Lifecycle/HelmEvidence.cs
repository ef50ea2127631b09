namespace K8sLandscape.Model.Lifecycle;

/// <summary>How a Helm release was seen. Stronger evidence first.</summary>
[Flags]
public enum HelmEvidence
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>A release Secret (type <c>helm.sh/release.v1</c>, labels <c>owner=helm</c>, <c>name</c>, <c>status</c>, <c>version</c>) or ConfigMap of the configmap storage driver.</summary>
    ReleaseRecord = 1,

    /// <summary>Objects annotated <c>meta.helm.sh/release-name</c> and <c>meta.helm.sh/release-namespace</c> (Helm 3.2+ ownership).</summary>
    ReleaseAnnotations = 2,

    /// <summary>Objects labelled <c>app.kubernetes.io/managed-by: Helm</c> with <c>app.kubernetes.io/instance</c> (or the older <c>release</c> label).</summary>
    InstanceLabels = 4,

    /// <summary>Objects rendered by <c>helm template</c> with <c># Source:</c> comments and no release name.</summary>
    RenderedSource = 8,
}
